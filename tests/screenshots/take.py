"""Take the README's screenshots: a review page of the bundled seed and the report, in headless Chromium.

Run `FACTFLOW_PURE_PYTHON=1 .venv/bin/python tests/screenshots/take.py`; it writes review.png and report.png
beside itself, from a warehouse it builds in a temporary folder (the seed, then the dev set when it is here).
"""
from __future__ import annotations

import os
import sys
import tempfile
from contextlib import chdir
from pathlib import Path

HERE = Path(__file__).parent
ROOT = HERE.parents[1]
SEEDS = ROOT / "seeds"
# the dev set makes the report fuller; where it is absent, the report is the seed's alone
DEV_SET = ROOT.parent / "shared" / "corpora" / "meantime-dev" / "docs"
SEED_PATH = "000_0d5487d72f4e0325.txt"
HOVERED = "$200 million"  # the amount whose tooltip the review screenshot shows
REPORT_HEIGHT = 1600  # px of the report's top: the overview and its first charts
WAREHOUSE = Path("warehouse/facts.duckdb")  # inside the temporary folder, as `facts run` names it
VIEWPORT = {"width": 1280, "height": 800}


def build(folder: Path) -> tuple[Path, Path]:
    """Ingest the seed (and the dev set) into one warehouse; write its review site and report; their paths."""
    from flows.prefect_setup import configure, prefect_api

    configure()
    with prefect_api() as connect:  # a temporary Prefect server, as `facts run` starts one
        from flows.ingest import ingest

        connect()
        db = folder / WAREHOUSE
        for seeds in [SEEDS, DEV_SET] if DEV_SET.is_dir() else [SEEDS]:
            ingest(seeds=str(seeds), db=str(db))
    from flows.report import write_report
    from flows.review import review_site

    site = review_site(db, folder / "review", [SEED_PATH])
    with chdir(folder):  # the report's header names the warehouse as given: the default path, not a temporary one
        report = write_report(WAREHOUSE, folder / "report.html")
    return site.index.parent, report


def shoot(site: Path, report: Path) -> None:
    """Open both pages from file:// and save review.png and report.png beside this script."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(HERE.parent))  # tests/, for browser.py's CHROMIUM and FLAGS
    from browser import CHROMIUM, FLAGS

    if not CHROMIUM:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.goto((site / "index.html").as_uri())
        page.get_by_role("link", name=SEED_PATH).first.click()  # the index links the seed's page
        page.locator("article mark", has_text=HOVERED).first.hover()
        page.locator("#tooltip").wait_for(state="visible")
        page.screenshot(path=HERE / "review.png")
        page.set_viewport_size({"width": VIEWPORT["width"], "height": REPORT_HEIGHT})
        page.goto(report.as_uri())
        page.wait_for_selector(".main-svg")
        page.wait_for_timeout(500)  # Plotly's transitions settle
        page.screenshot(path=HERE / "report.png", clip={"x": 0, "y": 0, "width": VIEWPORT["width"],
                                                        "height": REPORT_HEIGHT})
        browser.close()


def main() -> None:
    """Build the pages in a temporary folder and photograph them."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("FACTFLOW_LOCAL_PREFECT_API", "")  # a temporary server of its own, not a shared one
    with tempfile.TemporaryDirectory(prefix="factflow-screenshots-") as temporary:
        folder = Path(temporary)
        os.environ.setdefault("PREFECT_HOME", str(folder / "prefect"))
        shoot(*build(folder))
    for name in ("review.png", "report.png"):
        print(f"{HERE / name}: {(HERE / name).stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
