"""The bookkeeping rows: documents, rejected mentions and runs."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

# where the reference date came from: the sidecar, a collection's record, the file's own metadata (by format),
# or a dateline in the text
PublishedSource = Literal["sidecar", "record", "html", "pdf", "docx", "email", "dateline", "default", "none"]
MentionType = Literal["amount", "percentage", "date"]


class Document(BaseModel):
    """One input file: where it is, what it said, and whether it could be processed."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str  # stable for a path: the facts of a changed file replace the old ones
    path: str  # relative to the seeds folder, '/' separators
    sha256: str  # of the file's bytes
    fingerprint: str  # sha256 of content, sidecar and extractor version, "+default=…" when --published applied: unchanged iff equal
    stat_key: str | None = None  # size and mtime of file and sidecar: equal means not read again
    title: str | None = None
    published: date | None = None
    published_source: PublishedSource = "none"
    url: str | None = None
    source: str | None = None
    encoding: str | None = None  # how the bytes were decoded
    text: str | None = None
    n_chars: int = 0
    n_bytes: int = 0
    status: Literal["ok", "error"]
    error: str | None = None
    extractor_version: str
    ingested_at: datetime
    run_id: str
    seeds: str | None = None  # the seeds folder (absolute) the path is relative to
    format: str | None = None  # the reader: text, html, pdf, docx, email; '+gzip' when compressed
    page_starts: list[int] | None = None  # PDF: where in `text` each page starts (page 1 first)

    @model_validator(mode="after")
    def _error_explained(self) -> "Document":
        if (self.status == "error") != (self.error is not None):
            raise ValueError("a document has an error message exactly when its status is 'error'")
        return self


class Reject(BaseModel):
    """A mention an extractor produced that failed validation, kept with the reason."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    type: MentionType
    start_char: int | None
    end_char: int | None
    text: str | None
    reason: str
    payload: dict[str, Any]
    run_id: str


class Run(BaseModel):
    """One ingestion run and what it did."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    started_at: datetime
    finished_at: datetime | None = None
    status: Literal["running", "completed", "failed", "interrupted", "refused"]
    seeds: str
    docs_seen: int = 0
    docs_new: int = 0
    docs_changed: int = 0
    docs_unchanged: int = 0
    docs_removed: int = 0
    docs_failed: int = 0
    amounts: int = 0
    percentages: int = 0
    dates: int = 0
    rejects: int = 0
    extractor_version: str
    seconds: float | None = None
    docs_skipped: int = 0  # paths under the seeds folder passed over (table skipped says why)
    files_ignored: dict[str, int] = {}  # files no reader takes: lower-cased suffix ('' for none) -> count


class Skipped(BaseModel):
    """A path under the seeds folder that a run did not read as a document, and why."""

    model_config = ConfigDict(extra="forbid")

    run_id: str
    path: str  # relative to the seeds folder; a folder's ends in '/'
    reason: str
