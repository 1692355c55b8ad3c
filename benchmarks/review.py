"""How fast `facts review` writes its site, and how its index loads in a browser.

usage: python benchmarks/review.py [--documents N] [--source DIR] [--db FILE] [--out DIR] [--browser]

Without --db, runs `facts run` once on SOURCE (the dev set when present, else seeds/) into a
temporary warehouse, then copies its documents and facts (new paths and doc ids) up to N documents
(default 10,000). Then, in a fresh process, times flows.review.review_site on it (opened read-only,
as `facts review` does) and prints documents/s, MB written and the peak memory of that process.
With --browser, opens the index in headless Chromium and times its load, a sort and a filter.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEV_SET = ROOT.parent / "shared" / "corpora" / "meantime-dev" / "docs"


def build_warehouse(source: Path, documents: int, db: Path) -> None:
    """`facts run` on source, then its rows copied until the warehouse holds about `documents` documents."""
    import duckdb

    from flows.review import QUERIES

    env = os.environ | {"PREFECT_HOME": str(db.parent / "prefect")}
    subprocess.run([sys.executable, "-m", "flows.cli", "run", "--seeds", str(source), "--db", str(db)], cwd=ROOT,
                   env=env, check=True, capture_output=True)
    with duckdb.connect(str(db)) as con:
        ((held,),) = con.execute("select count(*) from documents").fetchall()
        copies = max(1, -(-documents // held))  # rounded up
        for table in ("documents", "amounts", "percentages", "dates", "rejects"):
            con.execute(QUERIES[f"bench_copy_{table}"], {"copies": copies})
        con.execute("checkpoint")


def folder_megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def time_site(db: Path, out: Path) -> None:
    """Write the site once and print its figures (run in a process of its own, for its peak memory)."""
    from flows.review import review_site

    started = time.perf_counter()
    site = review_site(db, out)
    seconds = time.perf_counter() - started
    index_mb = site.index.stat().st_size / 1e6
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
    print(f"review site: {site.pages} pages of {site.documents} documents in {seconds:.1f} s "
          f"({site.pages / seconds:,.0f} documents/s); {folder_megabytes(out):.1f} MB written "
          f"(index.html {index_mb:.1f} MB); peak memory {peak_mb:.0f} MB")


def time_browser(index: Path) -> None:
    """Open the index in headless Chromium: seconds to a rendered first page, to sort, to filter."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM, FLAGS
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        started = time.perf_counter()
        page.goto(index.as_uri())
        expect(page.locator("#documents-table tbody tr").first).to_be_visible()
        loaded = time.perf_counter() - started
        started = time.perf_counter()
        page.locator("th[data-column='5'] button").click()
        expect(page.locator("th[data-column='5']")).to_have_attribute("aria-sort", "descending")
        sorted_in = time.perf_counter() - started
        started = time.perf_counter()
        page.locator("#filter").fill("zzz-matches-nothing")
        expect(page.locator("#documents-table tbody tr")).to_have_count(0)
        filtered = time.perf_counter() - started - 0.12  # less the pause the filter waits for typing to stop
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1e6 : -1")
        browser.close()
    print(f"index in Chromium: first page shown {loaded:.2f} s after opening; sort by amounts {sorted_in:.2f} s; "
          f"filter {max(filtered, 0):.2f} s; JS heap {heap:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000, help="documents in the warehouse built (default 10000)")
    parser.add_argument("--source", type=Path, default=DEV_SET if DEV_SET.is_dir() else ROOT / "seeds")
    parser.add_argument("--db", type=Path, help="time this warehouse instead of building one")
    parser.add_argument("--out", type=Path, help="folder for the site (default: a temporary one)")
    parser.add_argument("--browser", action="store_true", help="also time the index in headless Chromium")
    parser.add_argument("--time-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factflow-review-bench-") as scratch:
        out = args.out or Path(scratch) / "site"
        if args.time_only:
            time_site(args.db, out)
            return
        db = args.db
        if db is None:
            db = Path(scratch) / "facts.duckdb"
            started = time.perf_counter()
            build_warehouse(args.source, args.documents, db)
            print(f"warehouse: {args.source} copied to {args.documents:,}+ documents in "
                  f"{time.perf_counter() - started:.1f} s ({db.stat().st_size / 1e6:.1f} MB)")
        subprocess.run([sys.executable, __file__, "--time-only", "--db", str(db), "--out", str(out)], check=True)
        if args.browser:
            time_browser(out / "index.html")


if __name__ == "__main__":
    main()
