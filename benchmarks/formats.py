"""Throughput of the readers of other formats (`bench.py --formats`): HTML pages and PDF reports
written from the benchmark's sentences, read alone and read then extracted, on one core.

MB/s counts the source files' bytes (a PDF's or a page's, not the text in it), as a user's
folder holds them; plain text is timed the same way beside them, as the baseline.
"""
from __future__ import annotations

import html
import random
import time
from datetime import date
from pathlib import Path

from extractors import extract_batch
from flows import readers

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # a Unicode font where there is one


def article_html(title: str, body: list[str], day: date) -> str:
    """A news page as sites write them: metadata, navigation, the article, a footer, scripts."""
    paragraphs = "\n".join(f"<p>{html.escape(s)}</p>" for s in body)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Ledger</title>
<meta property="og:title" content="{html.escape(title)}"><meta property="og:site_name" content="Ledger">
<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">
<style>body {{ font-family: serif; }} nav a {{ margin: 0 4px; }}</style>
<script>window.dataLayer = [{{"page": "article", "price": "$5 million"}}];</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a>
<a href="/markets">Markets</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By Staff, {day:%B %d, %Y}</p>
{paragraphs}</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Stocks rally 2%</a></li>
<li><a href="/b">Rates on hold</a></li></ul></aside>
</main><footer><p>© Ledger. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script>(function() {{ var s = document.createElement("script"); s.src = "/ads.js"; }})();</script></body></html>"""


def report_pdf(title: str, body: list[str], day: date) -> bytes:
    """A report of a few pages: a running header, numbered pages, justified paragraphs."""
    from datetime import datetime, timezone

    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_creation_date(datetime(day.year, day.month, day.day, tzinfo=timezone.utc))
    if DEJAVU.exists():
        pdf.add_font("dejavu", fname=str(DEJAVU))
        font = "dejavu"
    else:  # the core font: Latin-1 only
        font, body = "Helvetica", [s.encode("latin-1", "replace").decode("latin-1") for s in body]
    pdf.set_font(font, size=10)
    pdf.add_page()
    pdf.set_font(font, size=16)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(font, size=10)
    for i in range(0, len(body), 6):
        pdf.multi_cell(0, 5, " ".join(body[i:i + 6]), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return bytes(pdf.output())


def make_corpora(sentences: list[str], n_docs: int, out: Path, seed: int = 11) -> dict[str, list[Path]]:
    """n_docs documents of each format (text, HTML, PDF) of the same shuffled sentences."""
    rng = random.Random(seed)
    files: dict[str, list[Path]] = {"text": [], "html": [], "pdf": []}
    for kind in files:
        (out / kind).mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        body = rng.sample(sentences, k=min(len(sentences), rng.randint(15, 40)))
        day, title = date(2000 + i % 20, i % 12 + 1, i % 28 + 1), f"Article {i}"
        written = {"text": (f"{title}\n{day:%B %d, %Y}\n" + "\n".join(body) + "\n").encode("utf-8"),
                   "html": article_html(title, body, day).encode("utf-8"), "pdf": report_pdf(title, body, day)}
        for kind, data in written.items():
            path = out / kind / f"doc{i:06d}.{'txt' if kind == 'text' else kind}"
            path.write_bytes(data)
            files[kind].append(path)
    return files


def time_formats(sentences: list[str], n_docs: int, out: Path, reference: date) -> None:
    """Print MB/s (of the files) and documents/s of each format's reader, alone and with extraction."""
    started = time.perf_counter()
    corpora = make_corpora(sentences, n_docs, out)
    print(f"formats: {n_docs} documents each of text, HTML and PDF written in {time.perf_counter() - started:.0f} s "
          f"under {out}; one core, CPU time, best of 3 (reading) or 1 (reading and extraction):")
    for kind, paths in corpora.items():
        files = [(path.read_bytes(), path.name) for path in paths]
        megabytes = sum(len(data) for data, _ in files) / 1e6
        readers.read(*files[0])  # the reader's import is not its throughput
        seconds = float("inf")
        for _ in range(3):
            begun = time.process_time()
            texts = [readers.read(data, name).text for data, name in files]
            seconds = min(seconds, time.process_time() - begun)
        begun = time.process_time()
        found = sum(map(len, extract_batch([readers.read(data, name).text for data, name in files],
                                           [reference] * len(files))))
        both = time.process_time() - begun
        text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        print(f"  {kind:<5} {megabytes:6.1f} MB of files ({text_mb:5.1f} MB of text)  "
              f"read: {megabytes / seconds:8.2f} MB/s "
              f"{len(files) / seconds:8.0f} docs/s   read + extract: {megabytes / both:7.2f} MB/s "
              f"{len(files) / both:6.0f} docs/s {found:7d} mentions")
