"""`facts report`: one self-contained HTML page about the warehouse, its charts drawn by Plotly.

Every figure is an aggregate in warehouse/report.sql, read through a read-only connection as
`facts query` opens it. Plotly's script is inlined once, so the page works offline from file://;
each chart has a plain table of the same numbers under it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from warehouse.store import REPORTS, query_config, reading, sql_sections

REPORT_SQL = sql_sections("report.sql")
STYLE = Path(__file__).parent / "pages" / "report.css"
LIMITS = {"facts_per_run": 50, "top_documents": 20, "rejects_by_reason": 30, "failed_documents": 200}
TYPE_COLORS = {"amount": "#1f77b4", "percentage": "#ff7f0e", "date": "#2ca02c"}
LABEL_CHARS = 60  # a chart's category label is cut there; the table under it has it in full

Table = tuple[list[str], list[tuple]]


def gather(con: duckdb.DuckDBPyConnection) -> dict[str, Table]:
    """Every section's columns and rows, each from its statement in report.sql."""
    result = con.execute(REPORTS["totals"])
    data = {"overview": ([d[0] for d in result.description], result.fetchall())}
    for name in ("facts_per_type", "facts_per_run", "money_by_currency", "timeline", "date_span",
                 "percentages_by_unit", "top_documents", "rejects_by_reason", "failed_documents"):
        result = con.execute(REPORT_SQL[name], {"limit": LIMITS[name]} if name in LIMITS else {})
        data[name] = ([d[0] for d in result.description], result.fetchall())
    return data


def write_report(db: Path, out: Path) -> Path:
    """Write the report of the warehouse `db` to `out`; return `out`."""
    if not Path(db).exists():
        raise FileNotFoundError(f"no database at {db}: run `facts run` first")
    with reading(Path(db), config=query_config(False)) as con:
        data = gather(con)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(data, db), encoding="utf-8")
    return out


def _text(value: Any) -> str:
    """A value as the page shows it, escaped: counts with thousands separators, decimals without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return format(value.normalize() if value else Decimal(0), ",f")
    return html.escape(str(value))


def _label(value: Any) -> str:
    """A chart label: cut short, and escaped (Plotly reads tags such as <a> and <b> in its text)."""
    text = str(value)
    return html.escape(text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…")


PLAIN_NUMBERS = {"year"}  # columns whose numbers take no thousands separator
FOLDED_ROWS = 12  # a longer table is folded under its chart, one click away


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def _cell(column: str, value: Any) -> str:
    text = str(value) if column in PLAIN_NUMBERS and value is not None else _text(value)
    kind = "num" if _numeric(value) else "text short" if len(text) <= 16 else "text"  # a short word is never broken
    return f'<td class="{kind}">{text}</td>'


def html_table(table_id: str, columns: list[str], rows: list[tuple], headers: dict[str, str] | None = None) -> str:
    """A plain table: numbers right-aligned, every value escaped; a long one folded in a <details>."""
    heads = "".join(f'<th scope="col"{" class=num" if rows and _numeric(rows[0][i]) else ""}>'
                    f'{html.escape((headers or {}).get(c, c))}</th>' for i, c in enumerate(columns))
    body = "".join("<tr>" + "".join(_cell(c, v) for c, v in zip(columns, row)) + "</tr>" for row in rows)
    table = f'<table id="{table_id}"><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>'
    if len(rows) > FOLDED_ROWS:
        return f"<details><summary>The numbers: {len(rows):,} rows</summary>{table}</details>"
    return table


@dataclass
class Chart:
    """A Plotly figure's traces and layout, drawn into div `chart-<name>`."""

    name: str
    traces: list[Any] = field(default_factory=list)
    layout: dict[str, Any] = field(default_factory=dict)

    def html(self) -> str:
        import plotly.graph_objects as go

        figure = go.Figure(self.traces)
        figure.update_layout(template="plotly_white", margin={"l": 10, "r": 10, "t": 10, "b": 10}, height=300,
                             bargap=0.35, legend={"orientation": "h", "y": 1.12},
                             font={"family": "system-ui, sans-serif"})
        figure.update_layout(**self.layout)
        figure.update_xaxes(automargin=True)
        figure.update_yaxes(automargin=True)
        # Plotly escapes "</" in its JSON; the script was inlined once in the page's head
        return figure.to_html(include_plotlyjs=False, full_html=False, div_id=f"chart-{self.name}",
                              config={"displaylogo": False, "displayModeBar": False, "responsive": True})


def _bar(name: str, y: list, x: list, color: str | list[str], horizontal: bool = False) -> Any:
    import plotly.graph_objects as go

    if horizontal:
        return go.Bar(name=name, x=y, y=x, orientation="h", marker_color=color)
    return go.Bar(name=name, x=x, y=y, marker_color=color)


def charts(data: dict[str, Table]) -> dict[str, Chart]:
    """The charts of the sections that have rows."""
    found: dict[str, Chart] = {}
    _, types = data["facts_per_type"]
    if any(n for _, n, _ in types):
        found["facts_per_type"] = Chart("types", [_bar("facts", [n for _, n, _ in types], [t for t, _, _ in types],
                                                       [TYPE_COLORS[t] for t, _, _ in types])],
                                        {"showlegend": False, "height": 240})
    _, runs = data["facts_per_run"]
    if runs:
        x = [f"{started[5:16]} {run_id[:8]}" for run_id, started, *_ in runs]
        found["facts_per_run"] = Chart("runs", [_bar(kind + "s", [row[6 + i] for row in runs], x, TYPE_COLORS[kind])
                                                for i, kind in enumerate(TYPE_COLORS)],
                                       {"barmode": "stack", "xaxis": {"type": "category"}})
    _, money = data["money_by_currency"]
    if money:
        x = [_label(row[0]) for row in money]
        found["money_by_currency"] = Chart("money", [
            _bar("levels", [row[2] for row in money], x, "#1f77b4"),
            _bar("changes", [row[3] for row in money], x, "#9ecae1"),
            _bar("rates", [row[4] for row in money], x, "#c6dbef")], {"barmode": "stack"})
    _, years = data["timeline"]
    if years:
        x = [year for year, _, _ in years]
        found["timeline"] = Chart("timeline", [_bar("dates", [d for _, d, _ in years], x, TYPE_COLORS["date"]),
                                               _bar("figures with a period", [f for _, _, f in years], x, "#8c564b")],
                                  {"barmode": "group", "xaxis": {"title": "year the interval starts"}})
    _, units = data["percentages_by_unit"]
    if units:
        found["percentages_by_unit"] = Chart("units", [_bar("percentages", [row[1] for row in units],
                                                            [_label(row[0]) for row in units], TYPE_COLORS["percentage"])],
                                             {"showlegend": False, "height": 220})
    _, docs = data["top_documents"]
    if docs:
        y = [_label(row[0]) for row in reversed(docs)]  # the first at the top
        found["top_documents"] = Chart("documents", [
            _bar(kind + "s", [row[1 + i] for row in reversed(docs)], y, TYPE_COLORS[kind], horizontal=True)
            for i, kind in enumerate(TYPE_COLORS)], {"barmode": "stack", "height": 120 + 22 * len(docs)})
    _, reasons = data["rejects_by_reason"]
    if reasons:
        y = [_label(f"{kind}: {reason}") for kind, reason, _, _ in reversed(reasons)]
        found["rejects_by_reason"] = Chart("rejects", [_bar("rejects", [n for _, _, n, _ in reversed(reasons)], y,
                                                            "#d62728", horizontal=True)],
                                           {"showlegend": False, "height": 120 + 22 * len(reasons)})
    return found


SECTIONS = {  # id: (title, what the numbers are)
    "facts_per_type": ("Facts per type", "Facts the warehouse holds, and the documents they come from."),
    "facts_per_run": ("Facts per run", f"The last {LIMITS['facts_per_run']} runs: the facts each loaded, and how "
                                       "many of them the warehouse still holds (a later run replaces a changed "
                                       "document's facts)."),
    "money_by_currency": ("Money by currency", "Amounts in each currency, never converted. The sum adds only "
                                               "levels in that currency that are not rates (no per share, a "
                                               "month ...) nor changes, a range by its lower bound; the same money "
                                               "mentioned twice is counted twice."),
    "timeline": ("Time span", "Resolved dates, and amounts and percentages with a period, by the year their "
                              "calendar interval starts."),
    "percentages_by_unit": ("Percentages by unit", "Percent, or percentage points; as a level or a change."),
    "top_documents": ("Top documents by facts", f"The {LIMITS['top_documents']} documents with the most facts."),
    "rejects_by_reason": ("Rejects by reason", "Mentions that broke a rule of the schema, by reason (numbers "
                                               "shown as N, quoted text as …)."),
    "failed_documents": ("Failed documents", f"Documents that could not be read (the first "
                                             f"{LIMITS['failed_documents']}, by path)."),
}
HEADERS = {"level_sum": "sum of levels", "docs_extracted": "extracted", "facts_held": "held now",
           "started_utc": "started (UTC)", "docs_seen": "seen", "docs_failed": "failed"}


def _section(name: str, table: Table, chart: Chart | None) -> str:
    title, note = SECTIONS[name]
    columns, rows = table
    body = (chart.html() if chart else "") + html_table(f"table-{name}", columns, rows, HEADERS) if rows \
        else '<p class="none">None.</p>'
    return f'<section id="{name}"><h2>{title}</h2><p class="note">{html.escape(note)}</p>{body}</section>'


def _overview(data: dict[str, Table], db: Path) -> str:
    columns, [row] = data["overview"]
    counts = dict(zip(columns, row))
    cards = "".join(f'<div class="card" id="count-{name}"><span class="n">{_text(n)}</span>'
                    f'<span class="what">{name}</span></div>' for name, n in counts.items())
    _, [(first, last, resolved, unresolved)] = data["date_span"]
    span = (f"Resolved dates cover {first:%Y-%m-%d} to {last:%Y-%m-%d}; {_text(resolved)} resolved, "
            f"{_text(unresolved)} with unknown parts." if first else "No date has a calendar interval.")
    return f'<div class="cards">{cards}</div><p id="date-span">{html.escape(span)}</p>'


def render(data: dict[str, Table], db: Path) -> str:
    """The whole page."""
    from plotly.offline import get_plotlyjs

    columns, [row] = data["overview"]
    empty = dict(zip(columns, row))["documents"] == 0
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    found = {} if empty else charts(data)
    sections = '<p id="empty" class="empty">The warehouse holds no documents yet: run <code>facts run</code> ' \
               'first.</p>' if empty else _overview(data, db) + "".join(
                   _section(name, data[name], found.get(name)) for name in SECTIONS)
    script = f"<script>{get_plotlyjs()}</script>" if found else ""
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>factflow report: {html.escape(Path(db).name)}</title>"
            f"<style>{STYLE.read_text(encoding='utf-8')}</style>{script}</head>"
            f'<body><header><h1>factflow report</h1><p class="meta">{html.escape(str(db))} · made {made}</p>'
            f"</header><main>{sections}</main></body></html>\n")
