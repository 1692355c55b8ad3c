-- `facts report`: read-only aggregates of the warehouse, one statement a section (flows/report.py).
-- Every figure of the page comes from here (the counts at the top from reports.sql's totals, as
-- `facts run` reads them): the aggregation stays in DuckDB however large the warehouse.

-- name: facts_per_type
SELECT type, facts, documents FROM (
    SELECT 'amount' AS type, count(*) AS facts, count(DISTINCT doc_id) AS documents, 1 AS rank FROM amounts
    UNION ALL
    SELECT 'percentage', count(*), count(DISTINCT doc_id), 2 FROM percentages
    UNION ALL
    SELECT 'date', count(*), count(DISTINCT doc_id), 3 FROM dates
) ORDER BY rank;

-- name: facts_per_run
-- the last runs, oldest first: what each loaded, and how many of those facts the warehouse still holds
WITH held AS (
    SELECT run_id, count(*) AS facts FROM (
        SELECT run_id FROM amounts UNION ALL SELECT run_id FROM percentages UNION ALL SELECT run_id FROM dates
    ) GROUP BY run_id
), last_runs AS (
    SELECT * FROM runs ORDER BY started_at DESC LIMIT $limit
)
SELECT r.run_id, strftime(r.started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS started_utc, r.status,
       r.docs_seen, r.docs_new + r.docs_changed AS docs_extracted, r.docs_failed,
       r.amounts, r.percentages, r.dates, r.rejects, coalesce(h.facts, 0) AS facts_held
FROM last_runs r LEFT JOIN held h USING (run_id)
ORDER BY r.started_at, r.run_id;

-- name: money_by_currency
-- counts of every amount; the sum only of levels that are not rates (per IS NULL, role not 'change'),
-- in the amount's own currency, a range counted by its lower bound
SELECT coalesce(currency, '(none)') AS currency,
       count(*) AS amounts,
       count(*) FILTER (WHERE per IS NULL AND role IS DISTINCT FROM 'change') AS levels,
       count(*) FILTER (WHERE role = 'change' AND per IS NULL) AS changes,
       count(*) FILTER (WHERE per IS NOT NULL) AS rates,
       sum(value) FILTER (WHERE per IS NULL AND role IS DISTINCT FROM 'change') AS level_sum,
       count(DISTINCT doc_id) AS documents
FROM amounts GROUP BY ALL ORDER BY amounts DESC, currency;

-- name: timeline
-- per year a calendar interval starts in: resolved dates, and the amounts and percentages whose period starts then
WITH years AS (
    SELECT year(start_date) AS year, 'date' AS kind FROM dates WHERE resolved AND start_date IS NOT NULL
    UNION ALL
    SELECT year(period_start_date), 'figure' FROM amounts WHERE period_start_date IS NOT NULL
    UNION ALL
    SELECT year(period_start_date), 'figure' FROM percentages WHERE period_start_date IS NOT NULL
)
SELECT year, count(*) FILTER (WHERE kind = 'date') AS dates, count(*) FILTER (WHERE kind = 'figure') AS figures
FROM years GROUP BY year ORDER BY year;

-- name: date_span
SELECT min(start_date) AS first_day, max(end_date) - INTERVAL 1 DAY AS last_day,
       count(*) FILTER (WHERE resolved) AS resolved, count(*) FILTER (WHERE NOT resolved) AS unresolved
FROM dates;

-- name: percentages_by_unit
SELECT unit, count(*) AS percentages,
       count(*) FILTER (WHERE role = 'level') AS levels, count(*) FILTER (WHERE role = 'change') AS changes,
       count(DISTINCT doc_id) AS documents
FROM percentages GROUP BY unit ORDER BY percentages DESC, unit;

-- name: top_documents
WITH per_doc AS (
    SELECT doc_id, count(*) AS n, 0 AS p, 0 AS d FROM amounts GROUP BY doc_id
    UNION ALL
    SELECT doc_id, 0, count(*), 0 FROM percentages GROUP BY doc_id
    UNION ALL
    SELECT doc_id, 0, 0, count(*) FROM dates GROUP BY doc_id
)
SELECT d.path, sum(n) AS amounts, sum(p) AS percentages, sum(f.d) AS dates, sum(n + p + f.d) AS facts
FROM per_doc f JOIN documents d USING (doc_id)
GROUP BY d.path ORDER BY facts DESC, d.path LIMIT $limit;

-- name: rejects_by_reason
-- a reason with its numbers and quoted texts left out, so that one rule broken many times is one row
SELECT type, regexp_replace(regexp_replace(reason, '''[^'']*''', '…', 'g'), '[0-9]+', 'N', 'g') AS reason,
       count(*) AS rejects, min(text) AS example
FROM rejects GROUP BY ALL ORDER BY rejects DESC, type, reason LIMIT $limit;

-- name: failed_documents
SELECT path, error FROM documents WHERE status = 'error' ORDER BY path LIMIT $limit;

-- name: run_rejects
-- a run's rejects, for its Prefect artifact (flows/artifacts.py)
SELECT d.path, r.type, r.text, r.reason
FROM rejects r JOIN documents d USING (doc_id)
WHERE r.run_id = $run_id ORDER BY d.path, r.start_char NULLS LAST LIMIT $limit;

-- name: run_failed_documents
SELECT path, error FROM documents WHERE run_id = $run_id AND status = 'error' ORDER BY path LIMIT $limit;
