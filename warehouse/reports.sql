-- Read-only reports for the CLI. Each section is one statement.

-- name: totals
SELECT
    (SELECT count(*) FROM documents) AS documents,
    (SELECT count(*) FROM documents WHERE status = 'error') AS failed,
    (SELECT count(*) FROM amounts) AS amounts,
    (SELECT count(*) FROM percentages) AS percentages,
    (SELECT count(*) FROM dates) AS dates,
    (SELECT count(*) FROM rejects) AS rejects,
    (SELECT count(DISTINCT seeds) FROM documents) AS folders,
    (SELECT count(*) FROM runs) AS runs;

-- name: failed_documents
SELECT path, error FROM documents WHERE run_id = $run_id AND status = 'error' ORDER BY path;
