-- Parquet export, read by DuckDB, Spark, pandas or polars anywhere. $path is the target.

-- name: facts
COPY (SELECT type, * EXCLUDE (type) FROM facts) TO $path (FORMAT parquet, PARTITION_BY (type), OVERWRITE);
-- name: documents
COPY documents TO $path (FORMAT parquet);
-- name: amounts
COPY amounts TO $path (FORMAT parquet);
-- name: percentages
COPY percentages TO $path (FORMAT parquet);
-- name: dates
COPY dates TO $path (FORMAT parquet);
-- name: rejects
COPY rejects TO $path (FORMAT parquet);
-- name: runs
COPY runs TO $path (FORMAT parquet);
