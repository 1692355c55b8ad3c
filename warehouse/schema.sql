-- factflow warehouse. Table and column names are a contract: add columns, never rename.
-- Every statement is idempotent so that opening an existing database is safe.

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR NOT NULL,  -- stable for a path (hash of it)
    path              VARCHAR NOT NULL,  -- relative to the seeds folder, '/' separators
    sha256            VARCHAR NOT NULL,  -- of the file's bytes
    fingerprint       VARCHAR NOT NULL,  -- content + sidecar + extractor version (+ the --published default); equal means unchanged
    stat_key          VARCHAR,           -- size and mtime of file and sidecar; equal means not read again
    title             VARCHAR,
    published         DATE,              -- the reference date relative dates are resolved against
    published_source  VARCHAR NOT NULL,  -- 'sidecar', 'record' (a collection's), the format's own ('html' ...), 'dateline', 'default' or 'none'
    url               VARCHAR,
    source            VARCHAR,
    encoding          VARCHAR,           -- how the bytes were decoded
    -- exactly as decoded: offsets index into it. zstd: a third of the file and two thirds of the
    -- loading CPU of DuckDB's own choice (FSST) for this, the bulk of what a run writes
    text              VARCHAR USING COMPRESSION zstd,
    n_chars           BIGINT NOT NULL,
    n_bytes           BIGINT NOT NULL,
    status            VARCHAR NOT NULL,  -- 'ok' or 'error'
    error             VARCHAR,           -- why, when status = 'error'
    extractor_version VARCHAR NOT NULL,
    ingested_at       TIMESTAMPTZ NOT NULL,
    run_id            VARCHAR NOT NULL,
    seeds             VARCHAR,           -- the seeds folder (absolute) the path is relative to
    format            VARCHAR,           -- the reader: text, html, pdf, docx, email, jsonl, csv ('pdf+gzip', 'text+zip' ...)
    page_starts       INTEGER[]          -- PDF: offset in text where each page starts; page_starts[1] = 0
);

CREATE TABLE IF NOT EXISTS amounts (
    doc_id     VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,          -- documents.text[start_char:end_char] = text
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      DECIMAL(38, 6) NOT NULL,   -- scale applied, sign kept
    value_max  DECIMAL(38, 6),            -- upper bound of a range
    currency   VARCHAR,                   -- ISO 4217
    qualifier  VARCHAR NOT NULL,          -- exact, about, over, under, range
    rule       VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,
    -- links (ANNOTATION.md "Linked facts"); after run_id, where ALTER TABLE adds them to an older warehouse
    measure           VARCHAR,            -- the noun phrase the figure quantifies: bilateral trade, revenue
    measure_start     INTEGER,            -- documents.text[measure_start:measure_end] = measure
    measure_end       INTEGER,
    period            VARCHAR,            -- TIMEX3 value of the date that scopes the figure: 2025-H1, 2030
    period_start_date DATE,               -- its calendar interval, as the dates table gives it; inclusive
    period_end_date   DATE,               -- exclusive
    role              VARCHAR,            -- level (to, at, worth X) or change (by, up, down X)
    per               VARCHAR,            -- a rate's denominator: share in '$1.87 per share'
    sentence_start    INTEGER,            -- the sentence the figure stands in
    sentence_end      INTEGER
);

CREATE TABLE IF NOT EXISTS percentages (
    doc_id     VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      DECIMAL(18, 6) NOT NULL,   -- in percent units: 40% -> 40
    value_max  DECIMAL(18, 6),
    unit       VARCHAR NOT NULL,          -- percent or percentage_point
    qualifier  VARCHAR NOT NULL,
    rule       VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL,
    measure           VARCHAR,            -- as in amounts: what the percentage is of, or the change of
    measure_start     INTEGER,
    measure_end       INTEGER,
    period            VARCHAR,
    period_start_date DATE,
    period_end_date   DATE,
    role              VARCHAR,
    per               VARCHAR,
    sentence_start    INTEGER,
    sentence_end      INTEGER
);

CREATE TABLE IF NOT EXISTS dates (
    doc_id     VARCHAR NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    value      VARCHAR NOT NULL,          -- TIMEX3: 2025-07-03, XXXX-07-03, 2025-H1, 199, FY2025 ...
    start_date DATE,                      -- inclusive; NULL when the value has unknown parts
    end_date   DATE,                      -- exclusive
    grain      VARCHAR NOT NULL,          -- day, week, month, quarter, half, year, decade ...
    mod        VARCHAR,                   -- before, after, on_or_before, since, start, mid, end, approx
    resolved   BOOLEAN NOT NULL,          -- the value has no unknown (X) parts
    rule       VARCHAR NOT NULL,
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS rejects (
    doc_id     VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,          -- amount, percentage or date
    start_char INTEGER,
    end_char   INTEGER,
    text       VARCHAR,
    reason     VARCHAR NOT NULL,          -- the validation error
    payload    JSON NOT NULL,             -- the mention as the extractor produced it
    run_id     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS runs (
    run_id            VARCHAR NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ,
    status            VARCHAR NOT NULL,   -- running, completed, failed, interrupted or refused
    seeds             VARCHAR NOT NULL,   -- the seeds folder, absolute
    docs_seen         INTEGER NOT NULL,
    docs_new          INTEGER NOT NULL,
    docs_changed      INTEGER NOT NULL,
    docs_unchanged    INTEGER NOT NULL,
    docs_removed      INTEGER NOT NULL,
    docs_failed       INTEGER NOT NULL,
    amounts           INTEGER NOT NULL,   -- facts loaded by this run
    percentages       INTEGER NOT NULL,
    dates             INTEGER NOT NULL,
    rejects           INTEGER NOT NULL,
    extractor_version VARCHAR NOT NULL,
    seconds           DOUBLE,
    docs_skipped      INTEGER NOT NULL,   -- paths passed over: table skipped says why
    files_ignored     JSON                -- files no reader takes, by suffix: {".csv": 2, "": 1}
);

CREATE TABLE IF NOT EXISTS skipped (
    run_id VARCHAR NOT NULL,
    path   VARCHAR NOT NULL,              -- relative to the seeds folder; a folder's ends in '/'
    reason VARCHAR NOT NULL               -- why the run did not read it as a document
);

-- Columns added after the first release, for a warehouse made before: its runs count no skips,
-- and its documents belong to the folder of its last completed run (the one folder it held then).
ALTER TABLE runs ADD COLUMN IF NOT EXISTS docs_skipped INTEGER DEFAULT 0;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS seeds VARCHAR;
UPDATE documents SET seeds = (SELECT seeds FROM runs WHERE status = 'completed' ORDER BY started_at DESC LIMIT 1)
WHERE seeds IS NULL;
-- Readers per format (issue 22): documents stored before were all plain text, with format NULL.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS format VARCHAR;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS page_starts INTEGER[];
ALTER TABLE runs ADD COLUMN IF NOT EXISTS files_ignored JSON;
-- Linked facts (issue 23): NULL in the facts stored before, until the new EXTRACTOR_VERSION
-- extracts their documents again (every document whose extractor_version differs is re-read).
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS measure VARCHAR;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS measure_start INTEGER;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS measure_end INTEGER;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS period VARCHAR;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS period_start_date DATE;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS period_end_date DATE;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS role VARCHAR;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS per VARCHAR;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS sentence_start INTEGER;
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS sentence_end INTEGER;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS measure VARCHAR;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS measure_start INTEGER;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS measure_end INTEGER;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS period VARCHAR;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS period_start_date DATE;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS period_end_date DATE;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS role VARCHAR;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS per VARCHAR;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS sentence_start INTEGER;
ALTER TABLE percentages ADD COLUMN IF NOT EXISTS sentence_end INTEGER;
