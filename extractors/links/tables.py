"""Tables in a document's text: for a figure in a cell, the header of its row (what it measures)
and of its column (the period it belongs to).

Two shapes of table are read, both as lines of cells split by '|':
- Markdown pipe tables: a header row above a separator line ("|---|:--:|"), with or without
  outer pipes; the header row has as many cells as the separator.
- Rows that all start with '|' and hold two or more pipes, two lines or more, without a
  separator: the first row is the header. The HTML reader (trafilatura) writes an HTML <table>
  with <th> cells as a Markdown table, and one without <th> in this shape.

A line with a pipe in a sentence ("A | B") is no table. Work is linear in the lines that hold a
pipe, and bounded on hostile text: a line longer than MAX_ROW_CHARS or of more than MAX_CELLS
cells is no table row (no table a person reads has one), and a text is parsed once however many
figures ask (a one-entry memo on the text object)."""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import Final

MAX_ROW_CHARS: Final = 20_000  # a longer line is prose or noise, not a table row
MAX_CELLS: Final = 200  # a row of more cells is no table a person reads
_TRIM: Final = frozenset("|*_:")  # Markdown around a header's text: pipes, bold/italic marks, a label's colon
_SEPARATOR_CELL: Final = re.compile(r":?-+:?")  # one cell of "|---|:--:|"
# a run of consecutive lines that each hold a '|'; no line can be matched two ways, so no backtracking
_PIPE_LINE_RUNS: Final = re.compile(r"^[^\n|]*\|[^\n]*(?:\n[^\n|]*\|[^\n]*)*", re.MULTILINE)
_WORD: Final = re.compile(r"[^\W\d_]+")  # a run of letters
# Words that may stand in a figure's cell beside its digits: such a first cell is no row header.
_NUMBER_WORDS: Final = frozenset({
    "thousand", "million", "billion", "trillion", "mn", "mln", "bn", "bln", "tn", "k", "m", "b", "t",
    "percent", "per", "cent", "pct", "pp", "bp", "bps", "x",
    "usd", "eur", "gbp", "jpy", "chf", "cny", "rmb", "inr", "cad", "aud", "hkd", "sgd", "sek", "nok", "dkk",
    "krw", "brl", "mxn", "rub", "zar", "try", "us", "c", "a", "hk", "s", "nz", "rs", "r"})

Span = tuple[int, int]


class Table:
    """One table: the line spans of its rows (separator lines left out), in order; row 0 is its
    header row; `end` where its last line ends."""

    __slots__ = ("rows", "row_starts", "end")

    def __init__(self, rows: list[Span], end: int) -> None:
        self.rows = rows
        self.row_starts = [start for start, _ in rows]
        self.end = end

    def span(self, text: str) -> Span:
        """The table's characters, from its first line's first non-space to its last line's last."""
        start, end = self.rows[0][0], self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end


class TableIndex:
    """The tables of one text, to ask for the headers of many figures at the cost of one parse."""

    __slots__ = ("text", "tables", "table_starts", "row_cells")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tables = _tables(text)
        self.table_starts = [table.rows[0][0] for table in self.tables]
        self.row_cells: dict[int, tuple[list[Span], list[int]]] = {}  # a row's cells and their starts: split once

    def spans(self) -> list[Span]:
        return [table.span(self.text) for table in self.tables]

    def headers(self, start: int, end: int) -> tuple[Span | None, Span | None]:
        """(row header, column header) of the figure text[start:end], each None when it has none."""
        at = bisect_right(self.table_starts, start) - 1
        if at < 0:
            return None, None
        table = self.tables[at]
        row_at = bisect_right(table.row_starts, start) - 1
        line_start, line_end = table.rows[row_at]
        if end > line_end or row_at == 0:  # past its row (not in this table), or in the header row itself
            return None, None
        cells, cell_starts = self.cells(line_start, line_end)
        column = bisect_right(cell_starts, start) - 1
        if column < 0 or end > cells[column][1]:  # before the first cell, or across a pipe
            return None, None
        header_cells = self.cells(*table.rows[0])[0]
        column_header = _trimmed(self.text, *header_cells[column]) if column < len(header_cells) else None
        return _row_header(self.text, cells, column), column_header

    def cells(self, line_start: int, line_end: int) -> tuple[list[Span], list[int]]:
        found = self.row_cells.get(line_start)
        if found is None:
            cells = _cells(self.text, line_start, line_end)
            found = self.row_cells[line_start] = (cells, [cell_start for cell_start, _ in cells])
        return found


_memo: list[TableIndex] = []  # the last text's index: a linker asks once per figure of the same text


def table_index(text: str) -> TableIndex:
    """The tables of `text`, parsed once for the same text object."""
    if _memo and _memo[0].text is text:
        return _memo[0]
    index = TableIndex(text)
    _memo[:] = [index]
    return index


def table_spans(text: str) -> list[Span]:
    """The character ranges of the tables in `text`, in order; [] at once for a text without '|'."""
    if "|" not in text:
        return []
    return table_index(text).spans()


def table_headers(text: str, start: int, end: int) -> tuple[Span | None, Span | None]:
    """When the figure text[start:end] stands in a table cell, the spans in `text` of its row
    header (the first non-empty cell of its row, unless that is the figure's own cell or names
    no measure: a number, no letter) and of its column header (the header row's cell above it);
    None for each it has not. Spans are trimmed of spaces, pipes, ** and colons."""
    if not 0 <= start < end <= len(text):
        return None, None
    # a look at the figure's own line first: no pipe there (most figures) costs no parse
    line_start = text.rfind("\n", max(0, start - MAX_ROW_CHARS), start) + 1
    line_end = text.find("\n", end, end + MAX_ROW_CHARS)
    if line_end == -1:
        line_end = len(text) if len(text) - end <= MAX_ROW_CHARS else -1
    if (line_start == 0 and start > MAX_ROW_CHARS) or line_end == -1 or text.find("|", line_start, line_end) == -1:
        return None, None
    return table_index(text).headers(start, end)


def _tables(text: str) -> list[Table]:
    tables: list[Table] = []
    for run in _PIPE_LINE_RUNS.finditer(text):
        lines = run.group().split("\n")
        if len(lines) >= 2:  # a table has a header row and a separator or another row
            tables.extend(_tables_in_run(lines, run.start()))
    return tables


def _tables_in_run(lines: list[str], run_start: int) -> list[Table]:
    """The tables among consecutive pipe lines: each separator line opens a Markdown table at the
    line above it; elsewhere, two or more rows that start with '|' make a table."""
    line_starts = list(accumulate([len(line) + 1 for line in lines], initial=run_start))
    stripped = [line.strip() for line in lines]
    row_sized = [len(line) <= MAX_ROW_CHARS and (len(line) <= MAX_CELLS or line.count("|") <= MAX_CELLS + 1)
                 for line in lines]
    separator = [_separator_cells(line) if "-" in line and sized else 0 for line, sized in zip(stripped, row_sized)]
    opens = [False] * len(lines)  # the header row of a Markdown table
    for i in range(len(lines) - 1):
        if separator[i + 1] and not separator[i] and row_sized[i] and _cell_count(stripped[i]) == separator[i + 1]:
            opens[i] = True
    led = [sized and not cells and line[:1] == "|" and line.count("|") - line.count("\\|") >= 2
           for line, sized, cells in zip(stripped, row_sized, separator)]  # a row that starts with a pipe

    def row(k: int) -> Span:
        return line_starts[k], line_starts[k + 1] - 1

    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if opens[i]:
            j = i + 2
            while j < len(lines) and not opens[j] and row_sized[j]:
                j += 1
            tables.append(Table([row(i)] + [row(k) for k in range(i + 2, j) if not separator[k]], row(j - 1)[1]))
            i = j
        elif led[i]:
            j = i + 1
            while j < len(lines) and led[j] and not opens[j]:
                j += 1
            if j - i >= 2:
                tables.append(Table([row(k) for k in range(i, j)], row(j - 1)[1]))
            i = j
        else:
            i += 1
    return tables


def _separator_cells(line: str) -> int:
    """How many cells the separator line "|---|:--:|" has; 0 when the line is none."""
    if "|" not in line or line.strip("|:- \t"):
        return 0
    inner = line[1:] if line.startswith("|") else line
    inner = inner[:-1] if inner.endswith("|") else inner
    cells = [cell.strip() for cell in inner.split("|")]
    return len(cells) if all(_SEPARATOR_CELL.fullmatch(cell) for cell in cells) else 0


def _cell_count(line: str) -> int:
    """Cells in a stripped row: its unescaped pipes, less the outer ones."""
    pipes = line.count("|") - line.count("\\|")
    outer = (1 if line.startswith("|") else 0) + (1 if line.endswith("|") and not line.endswith("\\|") else 0)
    return pipes + 1 - outer


def _cells(text: str, line_start: int, line_end: int) -> list[Span]:
    """The raw spans (between pipes) of a row's cells; outer pipes open and close no cell."""
    bounds = [line_start - 1]
    pipe = text.find("|", line_start, line_end)
    while pipe != -1:
        if pipe == line_start or text[pipe - 1] != "\\":  # "\|" is a pipe inside a cell
            bounds.append(pipe)
        pipe = text.find("|", pipe + 1, line_end)
    bounds.append(line_end)
    cells = [(bounds[k] + 1, bounds[k + 1]) for k in range(len(bounds) - 1)]
    if len(bounds) > 2 and not text[line_start:bounds[1]].strip():
        cells = cells[1:]  # before a leading pipe
    if len(cells) > 1 and not text[cells[-1][0]:cells[-1][1]].strip():
        cells = cells[:-1]  # after a trailing pipe
    return cells


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The cell's text without the spaces and Markdown around it; None when nothing is left."""
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
    return (start, end) if start < end else None


def _row_header(text: str, cells: list[Span], column: int) -> Span | None:
    for at in range(column):
        header = _trimmed(text, *cells[at])
        if header is not None:
            return header if _names_a_measure(text[header[0]:header[1]]) else None
    return None  # the figure's own cell comes first


def _names_a_measure(cell: str) -> bool:
    """Whether a first cell can name a measure: it has a word, and is no figure ("$1.2 billion",
    "2023", "17.5%", "USD 40 mn")."""
    words = _WORD.findall(cell)
    if not words:
        return False
    has_digit = any(ch.isdigit() for ch in cell)
    return not has_digit or any(word.lower() not in _NUMBER_WORDS for word in words)
