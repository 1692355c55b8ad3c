"""`facts review`: a static HTML site of the warehouse, viewable from file:// with no network.

`out/index.html` lists every document (a JSON data island, sorted, filtered and paged in the
browser); `out/docs/<doc_id>.html` shows one document with its facts marked (flows/review_pages.py).
The warehouse is read with one query per table for each few thousand documents, in document order.
"""
from __future__ import annotations

import json
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import duckdb

from flows.review_pages import CONTENT_SECURITY_POLICY, Neighbours, document_page
from warehouse.store import LOCK_WAIT_SECONDS, UserError, query_config, sql_sections, reading

QUERIES = sql_sections("review.sql")
ASSETS = Path(__file__).parent / "pages"
CHUNK_DOCUMENTS = 5000  # documents whose pages are read and written together: memory stays flat however many
PAGE_NAME = re.compile(r"^[0-9a-f]{16}\.html$")  # a document page this writer made (doc ids are 16 hex digits)
TITLE_CHARS, ERROR_CHARS = 200, 300  # what the index shows of each; the page has it all


@dataclass(frozen=True, slots=True)
class Site:
    """What write_site wrote: the index, how many document pages, of how many documents."""

    index: Path
    pages: int
    documents: int


class UnknownDocuments(UserError):
    """--doc named a path the warehouse does not hold."""


def review_site(db: Path, out: Path, paths: Sequence[str] | None = None) -> Site:
    """Open the warehouse read-only, as `facts query` does, and write its review site into `out`."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no database at {db}: run `facts run` first")
    with reading(Path(db), LOCK_WAIT_SECONDS, query_config(allow_files=False)) as con:
        if paths:
            known = {path for (path,) in con.execute(QUERIES["known_paths"], {"paths": list(paths)}).fetchall()}
            if unknown := [path for path in paths if path not in known]:
                raise UnknownDocuments(f"no document with path {unknown[0]!r} in {db} "
                                       f"(paths as in documents.path, relative to the seeds folder)")
        return build_site(con, out, paths)


def write_site(con: duckdb.DuckDBPyConnection, out: Path, paths: Sequence[str] | None = None) -> Path:
    """Write the review site of the warehouse `con` reads into `out`; the path of its index.html.

    `paths` (documents.path values) limits the document pages to those; the index lists every document.
    """
    return build_site(con, out, paths).index


def build_site(con: duckdb.DuckDBPyConnection, out: Path, paths: Sequence[str] | None = None) -> Site:
    """write_site, telling how many pages it wrote."""
    out = Path(out)
    pages_dir = out / "docs"
    pages_dir.mkdir(parents=True, exist_ok=True)
    for asset in ("review.css", "review.js"):
        shutil.copyfile(ASSETS / asset, out / asset)
    index_rows = con.execute(QUERIES["index_rows"]).fetchall()
    written = _write_pages(con, pages_dir, index_rows, paths)
    present = {name for name in (p.name for p in pages_dir.iterdir()) if PAGE_NAME.match(name)}
    if paths is None:  # a whole site: pages of documents no longer in the warehouse go
        for stale in present - {f"{row[0]}.html" for row in index_rows}:
            (pages_dir / stale).unlink()
    index = out / "index.html"
    index.write_text(index_page(index_rows, present), encoding="utf-8")
    return Site(index, written, len(index_rows))


class _ByDocument:
    """Rows in document order, handed out one document's at a time."""

    def __init__(self, rows: list[tuple]):
        self._groups = groupby(rows, key=itemgetter(0))
        self._next = next(self._groups, None)

    def take(self, doc_id: str) -> list[tuple]:
        """The rows of `doc_id`, the next document in order; [] when it has none."""
        if self._next is None or self._next[0] != doc_id:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _write_pages(con: duckdb.DuckDBPyConnection, pages_dir: Path, index_rows: list[tuple],
                 paths: Sequence[str] | None) -> int:
    """Write the page of every document (of `paths` only, when given); how many were written."""
    wanted = None if paths is None else set(paths)
    chosen = [i for i, row in enumerate(index_rows) if wanted is None or row[1] in wanted]
    written = 0
    for first in range(0, len(chosen), CHUNK_DOCUMENTS):
        positions = chosen[first:first + CHUNK_DOCUMENTS]
        position = {index_rows[i][0]: i for i in positions}
        parameters = {"ids": list(position)}
        # one after another on `con` itself: a cursor would not see the writer's `USE warehouse`
        documents, facts, rejects = (con.execute(QUERIES[name], parameters).fetchall()
                                     for name in ("page_documents", "page_facts", "page_rejects"))
        facts_of, rejects_of = _ByDocument(facts), _ByDocument(rejects)
        for document in documents:
            doc_id = document[0]
            html = document_page(document, facts_of.take(doc_id), rejects_of.take(doc_id),
                                 _neighbours(index_rows, position[doc_id]))
            (pages_dir / f"{doc_id}.html").write_text(html, encoding="utf-8")
            written += 1
    return written


def _neighbours(index_rows: list[tuple], at: int) -> Neighbours:
    def link(i: int) -> tuple[str, str] | None:
        return (f"{index_rows[i][0]}.html", index_rows[i][1]) if 0 <= i < len(index_rows) else None
    return Neighbours(link(at - 1), link(at + 1))


def _cut(text: str | None, chars: int) -> str | None:
    return text if text is None or len(text) <= chars else text[:chars - 1] + "…"


def json_island(value: object) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end or open one."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def index_page(index_rows: list[tuple], present: set[str]) -> str:
    """The index: every document as a row of a JSON island, which review.js sorts, filters and pages."""
    rows = [[doc_id, path, _cut(title, TITLE_CHARS), published, status, amounts, percentages, dates, rejects,
             _cut(error, ERROR_CHARS), f"{doc_id}.html" in present]
            for doc_id, path, title, published, status, amounts, percentages, dates, rejects, error in index_rows]
    totals = [sum(row[i] for row in rows) for i in range(5, 9)]
    failed = sum(row[4] == "error" for row in rows)
    summary = escape(f"{len(rows)} documents ({failed} failed) · {totals[0]} amounts · {totals[1]} percentages · "
                     f"{totals[2]} dates · {totals[3]} rejects")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<title>factflow review</title>
<link rel="stylesheet" href="review.css">
</head><body class="index-page">
<header><h1>factflow review</h1><p class="meta">{summary}</p>
<p class="legend"><span class="key amount">amounts</span> <span class="key percentage">percentages</span>
<span class="key date">dates</span> <span class="key reject"><s>rejects</s></span></p>
<form class="controls" role="search">
<label>filter <input id="filter" type="search" placeholder="path, title or error" autocomplete="off"></label>
<label>status <select id="status"><option value="">all</option><option value="ok">ok</option>
<option value="error">error</option></select></label>
<label>rows <select id="page-size"><option>50</option><option selected>100</option><option>500</option></select></label>
<span id="shown" aria-live="polite"></span></form></header>
<main><table id="documents-table" class="documents-table"><thead><tr>
<th data-column="1"><button type="button">path</button></th><th data-column="2"><button type="button">title</button></th>
<th data-column="3"><button type="button">published</button></th><th data-column="4"><button type="button">status</button></th>
<th data-column="5" class="number"><button type="button">amounts</button></th>
<th data-column="6" class="number"><button type="button">percentages</button></th>
<th data-column="7" class="number"><button type="button">dates</button></th>
<th data-column="8" class="number"><button type="button">rejects</button></th>
<th data-column="9"><button type="button">error</button></th></tr></thead><tbody></tbody></table>
<nav class="pager" aria-label="pages"><button type="button" id="first">« first</button>
<button type="button" id="previous">‹ previous</button> <span id="page-of"></span>
<button type="button" id="next">next ›</button> <button type="button" id="last">last »</button></nav>
<noscript><p>The list of documents needs JavaScript; each page is docs/&lt;doc_id&gt;.html.</p></noscript></main>
<script type="application/json" id="documents">{json_island(rows)}</script>
<script src="review.js"></script>
</body></html>
"""
