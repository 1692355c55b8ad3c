-- Statements of the one writer. Each section is one statement, run with parameters.

-- name: known_documents
SELECT path, doc_id, fingerprint, stat_key, extractor_version FROM documents WHERE seeds = $seeds;
-- name: document_keys
SELECT path, doc_id, fingerprint, stat_key, extractor_version FROM documents;
-- name: folders
SELECT seeds, count(*) FROM documents GROUP BY seeds ORDER BY seeds;

-- name: delete_amounts
DELETE FROM amounts WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
-- name: delete_percentages
DELETE FROM percentages WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
-- name: delete_dates
DELETE FROM dates WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
-- name: delete_rejects
DELETE FROM rejects WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);
-- name: delete_documents
DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_doc_ids);

-- name: insert_documents
INSERT INTO documents BY NAME SELECT * FROM batch_rows;
-- name: insert_amounts
INSERT INTO amounts BY NAME SELECT * FROM batch_rows;
-- name: insert_percentages
INSERT INTO percentages BY NAME SELECT * FROM batch_rows;
-- name: insert_dates
INSERT INTO dates BY NAME SELECT * FROM batch_rows;
-- name: insert_rejects
INSERT INTO rejects BY NAME SELECT * FROM batch_rows;

-- name: update_stat_keys
UPDATE documents SET stat_key = batch_rows.stat_key FROM batch_rows WHERE documents.doc_id = batch_rows.doc_id;

-- name: insert_skipped
INSERT INTO skipped BY NAME SELECT * FROM batch_rows;

-- name: insert_run
INSERT INTO runs BY NAME SELECT * FROM batch_rows;
-- name: delete_run
DELETE FROM runs WHERE run_id = $run_id;
-- name: mark_interrupted_runs
UPDATE runs SET status = 'interrupted' WHERE status = 'running';
