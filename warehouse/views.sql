-- A decimal without its trailing zeros: 200000000.000000 -> 200000000, 12.500000 -> 12.5.
CREATE OR REPLACE MACRO decimal_text(v) AS regexp_replace(CAST(v AS VARCHAR), '\.?0+$', '');

-- One row per fact of any type, for questions that cross types. value_text is the
-- normalized value as one readable string; modifier is the qualifier (amounts, percentages)
-- or the mod (dates). Its first ten columns are a contract (add, never rename or move); after
-- them, the numbers and the links of amounts and percentages (NULL for dates), so that a
-- question needs no join: value, value_max, currency (amounts), unit (percentages), measure ...
CREATE OR REPLACE VIEW facts AS
SELECT a.doc_id, d.path, 'amount' AS type, a.start_char, a.end_char, a.text,
       decimal_text(a.value)
         || COALESCE('..' || decimal_text(a.value_max), '')
         || COALESCE(' ' || a.currency, '')
         || CASE WHEN a.qualifier IN ('exact', 'range') THEN '' ELSE ' (' || a.qualifier || ')' END
         AS value_text,
       a.qualifier AS modifier, a.rule, a.run_id,
       CAST(a.value AS DECIMAL(38, 6)) AS value, CAST(a.value_max AS DECIMAL(38, 6)) AS value_max,
       a.currency, CAST(NULL AS VARCHAR) AS unit,
       a.measure, a.measure_start, a.measure_end, a.period, a.period_start_date, a.period_end_date,
       a.role, a.per, a.sentence_start, a.sentence_end
FROM amounts a JOIN documents d USING (doc_id)
UNION ALL
SELECT p.doc_id, d.path, 'percentage', p.start_char, p.end_char, p.text,
       decimal_text(p.value)
         || COALESCE('..' || decimal_text(p.value_max), '')
         || CASE p.unit WHEN 'percent' THEN '%' ELSE ' percentage points' END
         || CASE WHEN p.qualifier IN ('exact', 'range') THEN '' ELSE ' (' || p.qualifier || ')' END,
       p.qualifier, p.rule, p.run_id,
       p.value, p.value_max, NULL, p.unit,
       p.measure, p.measure_start, p.measure_end, p.period, p.period_start_date, p.period_end_date,
       p.role, p.per, p.sentence_start, p.sentence_end
FROM percentages p JOIN documents d USING (doc_id)
UNION ALL
SELECT t.doc_id, d.path, 'date', t.start_char, t.end_char, t.text,
       t.value || COALESCE(' (' || t.mod || ')', ''),
       t.mod, t.rule, t.run_id,
       NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL
FROM dates t JOIN documents d USING (doc_id);
