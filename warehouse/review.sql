-- Read-only queries of `facts review` (flows/review.py). Each section is one statement.
-- Every query lists documents in one order, (path, doc_id), so that the writer walks the three
-- results side by side: one query per table for each chunk of documents ($ids, a few thousand),
-- so that memory stays flat however large the warehouse.

-- name: index_rows
SELECT d.doc_id, d.path, d.title, CAST(d.published AS VARCHAR) AS published, d.status,
       COALESCE(a.n, 0) AS amounts, COALESCE(p.n, 0) AS percentages, COALESCE(t.n, 0) AS dates,
       COALESCE(r.n, 0) AS rejects, d.error
FROM documents d
LEFT JOIN (SELECT doc_id, count(*) AS n FROM amounts GROUP BY doc_id) a USING (doc_id)
LEFT JOIN (SELECT doc_id, count(*) AS n FROM percentages GROUP BY doc_id) p USING (doc_id)
LEFT JOIN (SELECT doc_id, count(*) AS n FROM dates GROUP BY doc_id) t USING (doc_id)
LEFT JOIN (SELECT doc_id, count(*) AS n FROM rejects GROUP BY doc_id) r USING (doc_id)
ORDER BY d.path, d.doc_id;

-- name: known_paths
SELECT DISTINCT path FROM documents WHERE list_contains($paths, path);

-- name: page_documents
SELECT doc_id, path, title, CAST(published AS VARCHAR) AS published, published_source, url, source, format,
       status, error, text
FROM documents
WHERE doc_id IN (SELECT unnest($ids))
ORDER BY path, doc_id;

-- name: page_facts
SELECT doc_id, type, start_char, end_char, text, value_text, modifier, rule, currency, unit,
       measure, period, role, per
FROM facts
WHERE doc_id IN (SELECT unnest($ids))
ORDER BY path, doc_id, start_char, end_char DESC, type;

-- name: page_rejects
SELECT r.doc_id, r.type, r.start_char, r.end_char, r.text, r.reason
FROM rejects r JOIN documents d USING (doc_id)
WHERE r.doc_id IN (SELECT unnest($ids))
ORDER BY d.path, r.doc_id, r.start_char NULLS LAST, r.end_char DESC, r.type;

-- Used by benchmarks/review.py only, on a warehouse of its own: copy every document and its facts
-- $copies times, each copy with a new path and doc_id, to make a large warehouse quickly.

-- name: bench_copy_documents
INSERT INTO documents
SELECT * EXCLUDE (n) REPLACE (md5(doc_id || n)[:16] AS doc_id, 'copy' || lpad(CAST(n AS VARCHAR), 6, '0') || '/' || path AS path)
FROM documents, range(1, $copies) copies(n);

-- name: bench_copy_amounts
INSERT INTO amounts SELECT * EXCLUDE (n) REPLACE (md5(doc_id || n)[:16] AS doc_id) FROM amounts, range(1, $copies) copies(n);

-- name: bench_copy_percentages
INSERT INTO percentages SELECT * EXCLUDE (n) REPLACE (md5(doc_id || n)[:16] AS doc_id) FROM percentages, range(1, $copies) copies(n);

-- name: bench_copy_dates
INSERT INTO dates SELECT * EXCLUDE (n) REPLACE (md5(doc_id || n)[:16] AS doc_id) FROM dates, range(1, $copies) copies(n);

-- name: bench_copy_rejects
INSERT INTO rejects SELECT * EXCLUDE (n) REPLACE (md5(doc_id || n)[:16] AS doc_id) FROM rejects, range(1, $copies) copies(n);
