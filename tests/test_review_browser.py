"""The review site in headless Chromium, opened from file:// as a person would: the highlights, their
tooltips, the facts table, the index's sorting, filtering and paging, and a hostile document that runs nothing."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import browser, page  # noqa: F401
from corpus import DEV_DOCS
from flows.ingest import ingest
from flows.review import review_site
from test_review import doc_id, rows, site, warehouse  # noqa: F401  (the site of test_review's documents)

ROOT = Path(__file__).parents[1]


def open_page(page, site: Path, db: Path, path: str) -> None:
    page.goto((site / "docs" / f"{doc_id(db, path)}.html").as_uri())


def facts_in_warehouse(db: Path, path: str) -> int:
    return rows(db, "select count(*) from facts where path = ?", path)[0][0]


def in_view(locator) -> bool:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")


@pytest.mark.parametrize("path", ["hostile.txt", "overlap.txt", "plain.txt", "long.txt", "broken.pdf"])
def test_highlights_are_the_documents_facts(page, site, warehouse, path):
    open_page(page, site, warehouse, path)
    assert page.locator("article mark").count() == facts_in_warehouse(warehouse, path)
    assert page.locator("table.facts-table tr[data-target]").count() == facts_in_warehouse(warehouse, path)
    assert page.locator("article del").count() == rows(warehouse, "select count(*) from rejects join documents "
                                                                  "using (doc_id) where path = ?", path)[0][0]
    assert page.errors == [] and page.requests == []


def test_hovering_a_highlight_shows_its_value(page, site, warehouse):
    open_page(page, site, warehouse, "overlap.txt")
    tooltip = page.locator("#tooltip")
    assert tooltip.is_hidden()
    for mark in page.locator("article mark").all():
        if not mark.inner_text():
            continue
        mark.hover()
        assert tooltip.is_visible()
        assert mark.get_attribute("data-value") in tooltip.inner_text()
        assert mark.get_attribute("data-rule") in tooltip.inner_text()
    page.locator("article del").hover()  # a reject: its reason
    assert "text[16:29] is 'ferry company'" in tooltip.inner_text()
    page.mouse.move(1, 1)
    assert tooltip.is_hidden()


def test_a_tooltip_shows_the_links_of_a_figure(page, site, warehouse):
    open_page(page, site, warehouse, "plain.txt")
    page.locator("mark[data-fact-type=amount]").hover()
    shown = page.locator("#tooltip").inner_text()
    for expected in ("4000000 USD", "exact", "USD", "old mill", "2025-03", "level"):
        assert expected in shown


def test_keyboard_focus_shows_the_tooltip(page, site, warehouse):
    open_page(page, site, warehouse, "plain.txt")
    first = page.locator("article mark").first
    for _ in range(10):  # past the navigation links, to the first mark
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "MARK":
            break
    assert page.evaluate("document.activeElement.id") == first.get_attribute("id")
    assert page.locator("#tooltip").is_visible()
    assert first.get_attribute("data-value") in page.locator("#tooltip").inner_text()


def test_a_row_of_the_facts_table_takes_you_to_its_highlight(page, site, warehouse):
    open_page(page, site, warehouse, "long.txt")
    mark = page.locator("article mark").last  # at the end of a long text, below the fold
    assert not in_view(mark)
    page.locator("table.facts-table tr[data-target]").last.locator("td").nth(2).click()
    assert page.evaluate("document.activeElement.id") == mark.get_attribute("id")
    assert in_view(mark) and page.locator("#tooltip").is_visible()
    assert page.url.endswith("#" + mark.get_attribute("id"))


def test_the_hostile_document_runs_nothing(page, site, warehouse):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, site, warehouse, "hostile.txt")
    for mark in page.locator("article mark").all():
        mark.hover()
    page.locator("table.facts-table tr[data-target]").first.click()
    assert "<script>window.pwned" in page.locator("article").inner_text()
    assert page.locator("h1").inner_text().startswith("<img src=x onerror=")
    page.goto((site / "index.html").as_uri() + "#q=harbour")
    assert page.locator("#documents-table tbody tr").count() == 1
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == [] and page.errors == [] and page.requests == []
    assert page.locator("#documents-table img").count() == 0


def index_paths(page) -> list[str]:
    return page.locator("#documents-table tbody td:first-child").all_inner_texts()


def test_the_index_sorts_filters_and_pages(page, site, warehouse):
    page.goto((site / "index.html").as_uri())
    paths = [p for (p,) in rows(warehouse, "select path from documents order by path")]
    assert index_paths(page) == paths
    page.locator("th[data-column='8'] button").click()  # rejects, most first
    assert index_paths(page)[0] == "overlap.txt"
    page.locator("th[data-column='1'] button").click()
    page.locator("th[data-column='1'] button").click()  # path, descending
    assert index_paths(page) == paths[::-1]
    page.locator("#status").select_option("error")
    assert index_paths(page) == ["broken.pdf"]
    page.locator("#status").select_option("")
    page.locator("#filter").fill("FERRY")  # titles too, whatever the case
    expect(page.locator("#documents-table tbody tr")).to_have_count(1)  # after the typing pause
    assert index_paths(page) == ["overlap.txt"]
    page.goto((site / "index.html").as_uri() + "#size=2")
    page.reload()
    assert index_paths(page) == paths[:2] and page.locator("#page-of").inner_text() == "page 1 of 3"
    page.locator("#next").click()
    assert index_paths(page) == paths[2:4]
    page.locator("#last").click()
    assert index_paths(page) == paths[4:] and page.locator("#next").is_disabled()
    page.locator("#documents-table tbody a").first.click()  # to the document, and back to the same page
    page.wait_for_load_state()
    assert page.url.endswith(f"{doc_id(warehouse, paths[4])}.html")
    page.go_back()
    assert page.locator("#page-of").inner_text() == "page 3 of 3"
    assert page.errors == [] and page.requests == []


def test_pages_link_to_each_other(page, site, warehouse):
    paths = [p for (p,) in rows(warehouse, "select path from documents order by path")]
    page.goto((site / "index.html").as_uri())
    page.get_by_role("link", name=paths[0], exact=True).click()
    for path in paths[1:]:
        page.locator("a[rel=next]").click()
        assert page.url.endswith(f"{doc_id(warehouse, path)}.html")
    page.locator("a[rel=index]").click()
    assert page.url.split("#")[0].endswith("index.html")
    assert page.errors == [] and page.requests == []


CORPORA = {"seed": ROOT / "seeds", "dev": DEV_DOCS}  # the bundled seed, and the dev set when it is beside the project
HOVER_EVERY_MARK = {"seed"}  # elsewhere the first and the last of each page: a hover costs ~50 ms


@pytest.fixture(scope="module", params=list(CORPORA))
def corpus_site(request, tmp_path_factory, prefect_engine) -> tuple[str, Path, Path]:
    """A corpus's name, its warehouse made by the real flow, and the index of its site as `facts review` writes it."""
    seeds = CORPORA[request.param]
    if not seeds.is_dir():
        pytest.skip(f"the dev set is not beside the project ({seeds})")
    folder = tmp_path_factory.mktemp(f"review-{request.param}")
    db = folder / "facts.duckdb"
    assert ingest(seeds=str(seeds), db=str(db)).status == "completed"
    return request.param, db, review_site(db, folder / "site").index


def hover_shows_its_value(page, mark) -> None:
    mark.hover()
    assert mark.get_attribute("data-value") in page.locator("#tooltip").inner_text()


def marks_to_hover(page, every: bool) -> list:
    """Every mark a pointer can rest on (not a clipped one, nor one with a mark inside), or its first and last."""
    pointable = page.locator("article mark:not(:has(mark)):not(:empty)")
    if every:
        return pointable.all()
    return [pointable.first, pointable.last] if pointable.count() else []


def test_every_page_of_a_corpus(page, corpus_site):
    """`facts review` of a corpus as a person walks it: the index lists every document, and each page, reached by
    "next →", highlights each of its facts and strikes each reject; hovering a highlight shows its value."""
    name, db, index = corpus_site
    documents = rows(db, "select path, doc_id from documents order by path")
    facts = dict(rows(db, "select path, count(*) from facts group by path"))
    rejects = dict(rows(db, "select path, count(*) from rejects join documents using (doc_id) group by path"))
    assert sum(facts.values()) > 0
    page.goto(index.as_uri() + "#size=1000")  # every document on one page of the index
    assert index_paths(page) == [path for path, _ in documents]
    page.get_by_role("link", name=documents[0][0], exact=True).click()
    for number, (path, doc) in enumerate(documents):
        if number:
            page.locator("a[rel=next]").click()
        assert page.url.endswith(f"/{doc}.html")
        assert page.locator("article mark").count() == facts.get(path, 0), path
        assert page.locator("article del").count() == rejects.get(path, 0), path
        for mark in marks_to_hover(page, every=name in HOVER_EVERY_MARK):
            hover_shows_its_value(page, mark)
    assert page.locator("a[rel=next]").count() == 0  # the last page
    assert page.errors == [] and page.requests == []
