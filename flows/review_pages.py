"""The HTML of one document's review page: its text with every fact marked, and a table of them.

Facts are `<mark>` elements, rejects `<del>` ones. Marks must nest for the HTML to hold, so when
two spans cross (one starts inside the other and ends after it) the later one is clipped to the
part outside the earlier one and flagged `data-clipped` (its tooltip gives its whole text); a span
inside another is nested in it. A span clipped to nothing stays as an empty mark at its start, so
every fact keeps exactly one mark. Offsets are Python str offsets, sliced here, never in scripts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

TYPE_ORDER = {"amount": 0, "percentage": 1, "date": 2}
# fact row: (doc_id, type, start_char, end_char, text, value_text, modifier, rule, currency, unit,
#            measure, period, role, per), as warehouse/review.sql's page_facts gives it
LINK_ATTRIBUTES = ("modifier", "currency", "unit", "measure", "period", "role", "per")


@dataclass(slots=True)
class Span:
    """Where an element opens and closes in the text; start and end move when it is clipped."""

    start: int
    end: int
    opening: str
    closing: str
    order: int
    clipped: bool = False


@dataclass(slots=True)
class Neighbours:
    """Links of a page to the index and to the documents before and after it (None at the ends)."""

    previous: tuple[str, str] | None  # (href, path)
    next: tuple[str, str] | None


def attribute(name: str, value: object) -> str:
    return f' {name}="{escape(str(value), quote=True)}"' if value is not None else ""


def _crosses(a: Span, b: Span) -> bool:
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def untangle(spans: list[Span]) -> None:
    """Clip spans (sorted by start, longest first) that cross an earlier one, so that all nest."""
    placed: list[Span] = []
    reach = -1  # the furthest end among placed: a span starting there overlaps none of them
    for span in spans:
        if span.start >= reach:
            placed = []
        for _ in range(len(placed) + 1):  # each clip shrinks the span, which may uncover another crossing
            crossed = next((other for other in placed if _crosses(span, other)), None)
            if crossed is None:
                break
            span.clipped = True
            if crossed.start < span.start:
                span.start = crossed.end
            else:
                span.end = crossed.start
            if span.start >= span.end:  # nothing of it is left outside the others: an empty mark at its start
                span.end = span.start
                break
        placed.append(span)
        reach = max(reach, span.end)


def marked_text(text: str, spans: list[Span]) -> str:
    """`text` escaped, with each span's elements around its part of it; spans must nest (untangle)."""
    spans.sort(key=lambda s: (s.start, -s.end, s.order))
    out: list[str] = []
    stack: list[Span] = []
    position = 0
    for span in spans:
        while stack and stack[-1].end <= span.start:
            closed = stack.pop()
            out += (escape(text[position:closed.end]), closed.closing)
            position = closed.end
        out += (escape(text[position:span.start]), span.opening)
        position = span.start
        stack.append(span)
    while stack:
        closed = stack.pop()
        out += (escape(text[position:closed.end]), closed.closing)
        position = closed.end
    out.append(escape(text[position:]))
    return "".join(out)


def _fact_span(index: int, fact: tuple, length: int) -> Span:
    (_, kind, start, end, text, value_text, *_rest) = fact
    rule = fact[7]
    links = "".join(attribute(f"data-{name}", value) for name, value in zip(LINK_ATTRIBUTES, fact[6:7] + fact[8:]))
    start = min(max(start, 0), length)
    opening = (f'<mark id="f{index}" class="fact {kind}" tabindex="0"{attribute("data-fact-type", kind)}'
               f'{attribute("data-value", value_text)}{attribute("data-rule", rule)}{links}'
               f'{attribute("data-text", text)}>')
    return Span(start, min(max(end, start), length), opening, "</mark>", index)


def _reject_span(index: int, reject: tuple, length: int, order: int) -> Span | None:
    _, kind, start, end, text, reason = reject
    if start is None or end is None or not 0 <= start <= end <= length:
        return None  # no place in the text: listed in the table only
    opening = (f'<del id="r{index}" class="reject {kind}" tabindex="0"{attribute("data-fact-type", kind)}'
               f'{attribute("data-reason", reason)}{attribute("data-text", text)}>')
    return Span(start, end, opening, "</del>", order)


def _facts_table(facts: Sequence[tuple]) -> str:
    rows = []
    for index, fact in enumerate(facts):
        kind, text, value_text, rule, measure, period, role, per = (
            fact[1], fact[4], fact[5], fact[7], fact[10], fact[11], fact[12], fact[13])
        link = " · ".join(escape(f"{label}: {value}") for label, value in
                          (("measure", measure), ("period", period), ("role", role), ("per", per)) if value)
        rows.append(f'<tr data-target="f{index}" class="{kind}"><td><a href="#f{index}">{index + 1}</a></td>'
                    f'<td><span class="key {kind}">{kind}</span></td><td class="mention">{escape(text)}</td>'
                    f'<td>{escape(value_text)}</td><td>{link}</td><td class="rule">{escape(rule)}</td></tr>')
    head = "<tr><th>#</th><th>type</th><th>text</th><th>value</th><th>links</th><th>rule</th></tr>"
    body = "".join(rows) or '<tr><td colspan="6" class="none">no facts</td></tr>'
    return f'<table class="facts-table"><thead>{head}</thead><tbody>{body}</tbody></table>'


def _rejects_table(rejects: Sequence[tuple], placed: set[int]) -> str:
    if not rejects:
        return ""
    rows = []
    for index, (_, kind, start, end, text, reason) in enumerate(rejects):
        where = f'<a href="#r{index}">{index + 1}</a>' if index in placed else f"{index + 1}"
        target = f' data-target="r{index}"' if index in placed else ""
        rows.append(f'<tr{target}><td>{where}</td><td><span class="key {kind}">{kind}</span></td>'
                    f'<td class="mention"><s>{escape(text or "")}</s></td><td>{escape(reason)}</td></tr>')
    return (f'<h2>Rejected ({len(rejects)})</h2><table class="rejects-table"><thead><tr><th>#</th><th>type</th>'
            f'<th>text</th><th>reason</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')


def _counts(facts: Sequence[tuple], rejects: Sequence[tuple]) -> str:
    counts = {kind: 0 for kind in TYPE_ORDER}
    for fact in facts:
        counts[fact[1]] = counts.get(fact[1], 0) + 1
    keys = "".join(f'<span class="key {kind}">{n} {kind}{"" if n == 1 else "s"}</span> ' for kind, n in counts.items())
    return f'<p class="legend">{keys}<span class="key reject"><s>{len(rejects)} rejected</s></span></p>'


def _navigation(neighbours: Neighbours) -> str:
    links = ['<a href="../index.html" rel="index">↑ all documents</a>']
    for label, rel, link in (("← previous", "prev", neighbours.previous), ("next →", "next", neighbours.next)):
        if link:
            links.append(f'<a href="{escape(link[0])}" rel="{rel}" title="{escape(link[1])}">{label}</a>')
        else:
            links.append(f'<span class="disabled">{label}</span>')
    return f'<nav>{" ".join(links)}</nav>'


def document_page(document: tuple, facts: Sequence[tuple], rejects: Sequence[tuple], neighbours: Neighbours) -> str:
    """The whole HTML page of one document (a page_documents row) with its facts and rejects."""
    _, path, title, published, published_source, url, source, format_, status, error, text = document
    text = text or ""
    spans = [_fact_span(i, fact, len(text)) for i, fact in enumerate(facts)]
    reject_spans = {i: s for i, r in enumerate(rejects) if (s := _reject_span(i, r, len(text), len(facts) + i))}
    spans += reject_spans.values()
    spans.sort(key=lambda s: (s.start, -s.end, s.order))
    untangle(spans)
    for span in spans:
        if span.clipped:
            span.opening = span.opening[:-1] + ' data-clipped="true">'
    body = marked_text(text, spans)
    meta = " · ".join(escape(part) for part in (
        path, f"published {published} ({published_source})" if published else "no reference date",
        format_ or "text", f"source {source}" if source else "", status) if part)
    url_line = f'<p class="meta"><a href="{escape(url)}" rel="noreferrer">{escape(url)}</a></p>' \
        if url and url.startswith(("http://", "https://")) else ""
    error_line = f'<p class="error">error: {escape(error)}</p>' if error else ""
    heading = escape(title or path)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<title>{heading} · factflow review</title>
<link rel="stylesheet" href="../review.css">
</head><body class="document-page">
<header>{_navigation(neighbours)}<h1>{heading}</h1><p class="meta">{meta}</p>{url_line}{error_line}
{_counts(facts, rejects)}</header>
<main><article class="text" aria-label="document text">{body}</article>
<aside><h2>Facts ({len(facts)})</h2>{_facts_table(facts)}{_rejects_table(rejects, set(reject_spans))}</aside></main>
<div id="tooltip" role="tooltip" hidden></div>
<script src="../review.js"></script>
</body></html>
"""


# Scripts and styles only from the site's own files, no connection anywhere: a script that got
# into a page past the escaping would still not run, and nothing would load from the network.
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src file: 'self'; style-src file: 'self'; "
                           "img-src data:; base-uri 'none'; form-action 'none'")
