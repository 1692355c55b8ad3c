"""extract_batch: the mentions extract() finds, text by text, with each text's error kept in its place."""
from __future__ import annotations

import gc
from datetime import date

import pytest

import extractors
from extractors import extract, extract_batch, fastscan
from flows.processing import process_documents
from flows.sources import RawDocument
from warehouse.store import Batch, as_rows

SENTENCES = [
    "Exports rose 40% to over $200 million in the first half of 2025.",
    "The company said on March 3, 2010 that profit fell 5 percent from last year.",
    "",
    "No numbers here at all.",
    "Its margin narrowed by 2.5 percentage points yesterday, to 11%.",
]


def _reprs(results):
    return [list(map(repr, found)) for found in results]


def test_the_same_mentions_as_extract_text_by_text():
    texts = [f"{SENTENCES[i % len(SENTENCES)]} It cost ${i} million in {1990 + i}." for i in range(150)]
    references = [date(2010, 3, 3) if i % 2 else None for i in range(len(texts))]
    assert len(list(extractors._groups(texts))) == 3  # 150 texts: more than one group
    assert _reprs(extract_batch(texts, references)) == _reprs(extract(t, r) for t, r in zip(texts, references))


def test_groups_hold_at_most_64_texts_and_about_a_megabyte():
    texts = ["a" * 600_000, "b" * 600_000, *["c"] * 70]
    assert list(extractors._groups(texts)) == [range(0, 1), range(1, 65), range(65, 72)]
    assert list(extractors._groups([])) == []


@pytest.mark.parametrize("call", [lambda: extract_batch(SENTENCES, [None] * len(SENTENCES)),
                                  lambda: extract(SENTENCES[0])], ids=["extract_batch", "extract"])
def test_no_text_is_kept_after_the_call(call):
    call()
    assert fastscan.index_lower.cache_info().currsize == 0
    assert fastscan.ascii_digit_runs.cache_info().currsize == 0


@pytest.fixture
def percentages_fail_on_boom(monkeypatch):
    """The percentage extractor raises on any text holding "boom", as a bug would."""
    amounts, percentages, dates = extractors._EXTRACTORS

    def failing(text, reference):
        if "boom" in text:
            raise ValueError("boom")
        return percentages(text, reference)

    monkeypatch.setattr(extractors, "_EXTRACTORS", (amounts, failing, dates))


def test_an_error_stays_with_its_text(percentages_fail_on_boom):
    texts = ["Up 5% to $3 million in 2009.", "boom: up 6% in 2010.", "Down 7% in 2011."]
    results = extract_batch(texts, [None] * 3)
    assert isinstance(results[1], ValueError)
    assert _reprs([results[0], results[2]]) == _reprs([extract(texts[0]), extract(texts[2])])


def test_a_failed_document_keeps_no_facts_and_the_others_keep_theirs(percentages_fail_on_boom):
    texts = ["Up 5% to $3 million in 2009.", "boom: $4 million in 2010, up 6%.", "Down 7% in 2011."]
    raws = [RawDocument(f"doc{i}.txt", text.encode(), None) for i, text in enumerate(texts)]
    batch = Batch()
    assert process_documents(raws, "run", batch) == [True, False, True]
    failed = batch.documents[1]
    assert failed["status"] == "error" and failed["error"] == "extraction failed: ValueError: boom"
    facts = [row for rows in batch.facts.values() for row in as_rows(rows)]
    assert {row["doc_id"] for row in facts} == {batch.documents[0]["doc_id"], batch.documents[2]["doc_id"]}
    assert sorted(row["text"] for row in facts) == ["$3 million", "2009", "2011", "5%", "7%"]


def test_a_validation_bug_costs_only_its_document(monkeypatch):
    """Mentions are validated for the whole batch at once; should that raise (a bug, not a bad
    mention), each document is validated alone and only the one that raises fails."""
    from flows import processing

    real = processing._VALIDATORS["percentage"]._problems

    def problems(rows, documents):
        if any(document.startswith("boom") for document in documents):
            raise RuntimeError("a bug in a check")
        return real(rows, documents)
    monkeypatch.setattr(processing._VALIDATORS["percentage"], "_problems", problems)
    texts = ["Up 5% to $3 million in 2009.", "boom: $4 million in 2010, up 6%.", "Down 7% in 2011."]
    batch = Batch()
    assert process_documents([RawDocument(f"doc{i}.txt", t.encode(), None) for i, t in enumerate(texts)],
                             "run", batch) == [True, False, True]
    assert batch.documents[1]["error"] == "validation failed: RuntimeError: a bug in a check"
    facts = [row for rows in batch.facts.values() for row in as_rows(rows)]
    assert sorted(row["text"] for row in facts) == ["$3 million", "2009", "2011", "5%", "7%"]


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_for_a_batch_and_left_as_it_was(tmp_path, monkeypatch, enabled):
    from flows import processing

    (tmp_path / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    seen = []
    real = processing.process_documents
    monkeypatch.setattr(processing, "process_documents", lambda *a: seen.append(gc.isenabled()) or real(*a))
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        outcome = processing.process_paths(tmp_path, ["a.txt"], {}, "run")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen == [False]
    assert outcome.counts["amounts"] == 1 and outcome.new == 1
