"""`facts review`: the static site of a real warehouse, made by the real pipeline from documents of our
own (a hostile one, one with nested and crossing facts and a reject, one that fails), read as HTML."""
import hashlib
import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

import flows.processing
import flows.review
from extractors import AmountMention, DateMention, PercentageMention, extract_batch
from flows.ingest import ingest
from flows.review import build_site, write_site
from flows.review_pages import Span, marked_text, untangle

ROOT = Path(__file__).parents[1]

HOSTILE = ('<script>window.pwned = "script"; alert(1)</script> Harbour fees <b>rose</b>\n'
           'Harbour fees rose 7% in 2024 to $12 million. <img src=x onerror="window.pwned = \'img\'">\n'
           'A "quoted" </mark></del></textarea><!-- and --> & &amp; ends here, in March 2025.\n')
OVERLAP = ("Ferry tolls\nThe ferry company raised $3 million in May 2024 and 15% more the year after.\n"
           "Its fleet grew by 4% to $90 million in 2023.\n")
PLAIN = "Mill sale\nThe cooperative sold the old mill for $4 million in March 2025, up 10% on its 2019 price.\n"
LONG = ("Canal log\n" + "".join(f"Day {day}: the barges passed the lock without a delay worth noting.\n"
                                for day in range(1, 121)) + "At the end the canal toll fell to $5 million in 2026.\n")
FILES = {"hostile.txt": HOSTILE, "overlap.txt": OVERLAP, "plain.txt": PLAIN, "long.txt": LONG}
SIDECAR = {"title": '<img src=x onerror="window.pwned = \'title\'"> Harbour <i>fees</i>',
           "url": "javascript:window.pwned = 'url'", "published": "2025-04-01"}


def extra_mentions(text: str) -> list:
    """Mentions no extractor would find, for OVERLAP: a date inside an amount, a percentage crossing an
    amount's end, a date crossing into a percentage, an amount whose text is not its span (a reject)."""
    def at(phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)
    million, crossing, fleet = at("3 million"), at("million in May"), at("fleet grew by 4")
    return [
        DateMention(*million, "3 million", "XXXX-03", "month", "nested date"),
        PercentageMention(*crossing, "million in May", Decimal(5), "percent", "exact", "crossing percentage"),
        DateMention(*fleet, "fleet grew by 4", "2004", "year", "crossing date"),
        AmountMention(*at("ferry company"), "$8", Decimal(8), "USD", "exact", "text not its span"),
    ]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_engine) -> Path:
    """A warehouse made by flows.ingest.ingest from FILES (OVERLAP with extra_mentions) and a broken PDF."""
    folder = tmp_path_factory.mktemp("review")
    seeds = folder / "seeds"
    seeds.mkdir()
    for name, text in FILES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    (seeds / "hostile.meta.json").write_text(json.dumps(SIDECAR), encoding="utf-8")
    (seeds / "broken.pdf").write_bytes(b"%PDF-1.4 <script>alert(1)</script> not a pdf")

    def extract_with_extras(texts, references):
        found = extract_batch(texts, references)
        return [mentions + extra_mentions(text) if text == OVERLAP and isinstance(mentions, list) else mentions
                for text, mentions in zip(texts, found)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flows.processing, "extract_batch", extract_with_extras)
        run = ingest(seeds=str(seeds), db=str(folder / "facts.duckdb"), local_workers=1)
    assert run.status == "completed"
    return folder / "facts.duckdb"


@pytest.fixture(scope="module")
def site(warehouse) -> Path:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        write_site(con, warehouse.parent / "site")
    return warehouse.parent / "site"


def rows(db: Path, sql: str, *parameters) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(parameters)).fetchall()


def doc_id(db: Path, path: str) -> str:
    return rows(db, "select doc_id from documents where path = ?", path)[0][0]


class Elements(HTMLParser):
    """Every element of a page with its attributes and text, checking that each closes where it should."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[dict] = []
        self.open: list[dict] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("meta", "link", "input", "br", "img"):
            self.open.append(element)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1]["tag"] == tag, f"</{tag}> closes <{self.open[-1]['tag']}>"
        self.open.pop()

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data

    def all(self, tag: str) -> list[dict]:
        return [e for e in self.elements if e["tag"] == tag]


def page_of(site: Path, db: Path, path: str) -> Elements:
    return Elements((site / "docs" / f"{doc_id(db, path)}.html").read_text(encoding="utf-8"))


def facts_of(db: Path, path: str) -> list[tuple]:
    return rows(db, "select type, text, value_text, rule from facts where path = ? order by start_char, end_char desc, "
                    "type", path)


@pytest.mark.parametrize("path", [*FILES, "broken.pdf"])
def test_every_fact_is_one_mark_with_its_value_and_rule(site, warehouse, path):
    page = page_of(site, warehouse, path)
    marks = page.all("mark")
    facts = facts_of(warehouse, path)
    assert len(marks) == len(facts) and (path == "broken.pdf") == (not facts)
    assert [(m["attrs"]["data-fact-type"], m["attrs"]["data-text"], m["attrs"]["data-value"], m["attrs"]["data-rule"])
            for m in marks] == facts
    assert len({m["attrs"]["id"] for m in page.elements if "id" in m["attrs"]}) == \
        len([m for m in page.elements if "id" in m["attrs"]])  # ids are unique
    assert all(m["attrs"]["tabindex"] == "0" for m in marks)
    for mark in marks:  # a mark shows its fact's text, but one clipped where it crosses another
        assert (mark["text"] == mark["attrs"]["data-text"]) != ("data-clipped" in mark["attrs"])


def test_crossing_facts_are_clipped_nested_ones_nested_and_rejects_struck_through(site, warehouse):
    page = page_of(site, warehouse, "overlap.txt")
    by_rule = {m["attrs"]["data-rule"]: m for m in page.all("mark")}
    assert by_rule["nested date"]["text"] == "3 million" and "data-clipped" not in by_rule["nested date"]["attrs"]
    # the amount's mark holds the date's: the parser saw the date's text inside both
    assert [m["text"] for m in page.all("mark") if "3 million" in m["text"]] == ["$3 million", "3 million"]
    assert by_rule["crossing percentage"]["text"] == " in May"  # the part outside "$3 million"
    assert by_rule["crossing percentage"]["attrs"]["data-clipped"] == "true"
    assert by_rule["crossing date"]["text"] == "fleet grew by 4"  # it starts first: "4%", starting in it, is cut
    (four,) = [m for m in page.all("mark") if m["attrs"]["data-text"] == "4%"]
    assert four["text"] == "%" and four["attrs"]["data-clipped"] == "true"
    (reject,) = page.all("del")
    assert reject["text"] == "ferry company" and reject["attrs"]["data-reason"] == \
        rows(warehouse, "select reason from rejects")[0][0]


def test_documents_show_as_text_and_run_nothing(site, warehouse):
    html = (site / "docs" / f"{doc_id(warehouse, 'hostile.txt')}.html").read_text(encoding="utf-8")
    page = Elements(html)
    assert [e["attrs"].get("src") for e in page.all("script")] == ["../review.js"]
    assert not page.all("img") and not page.all("b") and not page.all("textarea") and not page.all("i")
    assert not any(name.startswith("on") for e in page.elements for name in e["attrs"])
    assert "<script>window.pwned" in page.all("article")[0]["text"]  # as text, as written
    assert '<img src=x onerror="window.pwned = \'title\'"> Harbour <i>fees</i>' == page.all("h1")[0]["text"]
    assert "javascript:" not in str([e["attrs"].get("href") for e in page.all("a")])
    index = Elements((site / "index.html").read_text(encoding="utf-8"))
    assert [e["attrs"].get("src") for e in index.all("script")] == [None, "review.js"]  # the island, the script
    island = (site / "index.html").read_text(encoding="utf-8").split('id="documents">')[1].split("</script>")[0]
    assert "<" not in island and json.loads(island)  # nothing in the data can end its element


def test_index_lists_every_document_with_its_counts(site, warehouse):
    index = (site / "index.html").read_text(encoding="utf-8")
    island = json.loads(index.split('id="documents">')[1].split("</script>")[0])
    expected = rows(warehouse, """select doc_id, path, status,
        (select count(*) from amounts a where a.doc_id = d.doc_id), (select count(*) from percentages p where p.doc_id = d.doc_id),
        (select count(*) from dates t where t.doc_id = d.doc_id), (select count(*) from rejects r where r.doc_id = d.doc_id)
        from documents d order by path""")
    assert [(r[0], r[1], r[4], *r[5:9]) for r in island] == expected
    assert [r[10] for r in island] == [True] * 5  # each has its page
    broken = next(r for r in island if r[1] == "broken.pdf")
    assert broken[4] == "error" and broken[9]
    assert sorted(p.name for p in (site / "docs").iterdir()) == sorted(f"{r[0]}.html" for r in expected)


def test_pages_link_to_the_index_and_their_neighbours(site, warehouse):
    paths = [p for (p,) in rows(warehouse, "select path from documents order by path")]
    for i, path in enumerate(paths):
        links = {a["attrs"].get("rel"): a["attrs"]["href"] for a in page_of(site, warehouse, path).all("a")}
        assert links["index"] == "../index.html"
        assert links.get("prev") == (f"{doc_id(warehouse, paths[i - 1])}.html" if i else None)
        assert links.get("next") == (f"{doc_id(warehouse, paths[i + 1])}.html" if i + 1 < len(paths) else None)


def test_paths_limit_the_pages_but_not_the_index(warehouse, tmp_path):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        site = build_site(con, tmp_path / "one", ["plain.txt"])
    assert (site.pages, site.documents) == (1, 5)
    assert [p.name for p in (tmp_path / "one" / "docs").iterdir()] == [f"{doc_id(warehouse, 'plain.txt')}.html"]
    island = json.loads(site.index.read_text(encoding="utf-8").split('id="documents">')[1].split("</script>")[0])
    assert {r[1]: r[10] for r in island} == {"broken.pdf": False, "hostile.txt": False, "long.txt": False,
                                             "overlap.txt": False, "plain.txt": True}


def test_a_whole_site_removes_pages_of_documents_gone(warehouse, tmp_path):
    out = tmp_path / "site"
    (out / "docs").mkdir(parents=True)
    (out / "docs" / "0123456789abcdef.html").write_text("old")
    (out / "docs" / "notes.html").write_text("mine")  # not a page of ours: left alone
    with duckdb.connect(str(warehouse), read_only=True) as con:
        write_site(con, out)
    assert not (out / "docs" / "0123456789abcdef.html").exists() and (out / "docs" / "notes.html").exists()


def spans_html(text: str, spans: list[tuple[int, int]]) -> str:
    made = [Span(s, e, f'<mark id="m{i}">', "</mark>", i) for i, (s, e) in enumerate(spans)]
    made.sort(key=lambda s: (s.start, -s.end, s.order))
    untangle(made)
    return marked_text(text, made)


def test_any_spans_make_one_well_formed_mark_each():
    """Random spans, crossing and nesting every way: the HTML nests, each span has its mark, the text stays whole."""
    chooser = random.Random(24)
    text = "".join(chooser.choice("ab <&>\"'\n") for _ in range(60))
    for _ in range(500):
        spans = [tuple(sorted(chooser.sample(range(61), 2))) for _ in range(chooser.randint(1, 8))]
        page = Elements(spans_html(text, spans))  # raises if a mark closes out of order
        marks = page.all("mark")
        assert sorted(int(m["attrs"]["id"][1:]) for m in marks) == list(range(len(spans)))
        assert "".join(d for d in _texts(spans_html(text, spans))) == text


def _texts(html: str) -> Iterator[str]:
    parser = HTMLParser(convert_charrefs=True)
    found: list[str] = []
    parser.handle_data = found.append
    parser.feed(html)
    parser.close()
    return iter(found)


def facts_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"} | {"COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_facts_review_writes_the_site_and_never_the_warehouse(warehouse, tmp_path):
    before = hashlib.sha256(warehouse.read_bytes()).hexdigest()
    out = tmp_path / "site"
    result = facts_cli("review", "--db", str(warehouse), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote 5 page(s) of 5 document(s): {(out / 'index.html').as_uri()}"
    assert len(list((out / "docs").iterdir())) == 5 and (out / "review.css").exists() and (out / "review.js").exists()
    one = facts_cli("review", "--db", str(warehouse), "--out", str(tmp_path / "one"), "--doc", "overlap.txt")
    assert one.returncode == 0 and "wrote 1 page(s) of 5 document(s)" in one.stdout
    assert [p.name for p in (tmp_path / "one" / "docs").iterdir()] == [f"{doc_id(warehouse, 'overlap.txt')}.html"]
    default = facts_cli("review", "--db", str(warehouse))  # beside the warehouse
    assert default.returncode == 0 and (warehouse.parent / "review" / "index.html").as_uri() in default.stdout
    assert hashlib.sha256(warehouse.read_bytes()).hexdigest() == before
    assert not list(warehouse.parent.glob("*.wal")) and not list(warehouse.parent.glob("*.reader-*"))


@pytest.mark.parametrize("args, message", [
    (["--db", "{tmp}/none.duckdb"], "error: no database at {tmp}/none.duckdb: run `facts run` first"),
    (["--db", "{tmp}/junk.duckdb"], "error: IO Error: The file \"{tmp}/junk.duckdb\" exists, but it is not a valid"),
    (["--db", "{db}", "--doc", "missing.txt"], "error: no document with path 'missing.txt' in {db}"),
    (["--db", "{db}", "--out", "{tmp}/file.txt"], "error: cannot write the site into {tmp}/file.txt"),
])
def test_facts_review_failures_are_one_line(warehouse, tmp_path, args, message):
    (tmp_path / "junk.duckdb").write_text("not a database")
    (tmp_path / "file.txt").write_text("a file where the folder would go")
    fill = {"tmp": str(tmp_path), "db": str(warehouse)}
    result = facts_cli("review", *(arg.format(**fill) for arg in args))
    assert result.returncode == 1 and result.stderr.startswith(message.format(**fill)), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_pages_written_a_few_documents_at_a_time_are_the_same(warehouse, site, tmp_path, monkeypatch):
    monkeypatch.setattr(flows.review, "CHUNK_DOCUMENTS", 2)  # five documents: three chunks
    with duckdb.connect(str(warehouse), read_only=True) as con:
        write_site(con, tmp_path / "chunked")
    for page in (site / "docs").iterdir():
        assert (tmp_path / "chunked" / "docs" / page.name).read_text(encoding="utf-8") == page.read_text(encoding="utf-8")


def test_a_connection_to_the_attached_warehouse_writes_the_same_site(warehouse, site, tmp_path):
    """The run's writer holds the file ATTACHed and USEd on an in-memory connection: the site is the same."""
    with duckdb.connect() as con:
        con.execute(f"attach '{warehouse}' as warehouse (read_only)")
        con.execute("use warehouse")
        write_site(con, tmp_path / "attached")
    for page in [*(site / "docs").iterdir(), site / "index.html"]:
        assert (tmp_path / "attached" / page.relative_to(site)).read_text(encoding="utf-8") == \
            page.read_text(encoding="utf-8")
