"""The scorer behind `facts eval` (ANNOTATION.md, "Scoring")."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from flows.evaluation import Counts, case_mapped, load_jsonl, predict, prf, same_value, score


def gold_doc(mentions, **extra):
    return {"doc": "a.txt", "mentions": mentions, **extra}


def m(type_, start, end, value, **extra):
    return {"type": type_, "start": start, "end": end, "value": value, "text": "x", **extra}


def p(type_, start, end, value, **extra):
    return m(type_, start, end, value, doc="a.txt", **extra)


def test_exact_match_counts_everywhere():
    counts, errors = score([gold_doc([m("amount", 0, 5, "5", currency="USD")])], [p("amount", 0, 5, "5.0", currency="USD")])
    assert counts["amount"] == Counts(gold=1, pred=1, strict=1, lenient=1, valued=1)
    assert errors == []


def test_overlap_is_lenient_not_strict():
    counts, _ = score([gold_doc([m("date", 10, 30, "2025-H1")])], [p("date", 14, 30, "2025-H1")])
    assert counts["date"] == Counts(gold=1, pred=1, strict=0, lenient=1, valued=1)


def test_wrong_currency_is_a_value_error():
    counts, errors = score([gold_doc([m("amount", 0, 5, "5", currency="GBP")])], [p("amount", 0, 5, "5", currency="USD")])
    assert (counts["amount"].lenient, counts["amount"].valued) == (1, 0)
    assert [e.kind for e in errors] == ["value"]


def test_matching_is_one_to_one_biggest_overlap_first():
    gold = gold_doc([m("percentage", 0, 10, "5", unit="percent")])
    counts, errors = score([gold], [p("percentage", 0, 3, "5"), p("percentage", 2, 10, "5")])
    assert (counts["percentage"].lenient, counts["percentage"].pred) == (1, 2)
    assert [e.kind for e in errors] == ["spurious"] and errors[0].pred["start"] == 0


def test_region_and_ignore_drop_predictions():
    gold = gold_doc([m("date", 0, 4, "2020")], gold_region=[0, 50], ignore=[{"start": 20, "end": 25}])
    counts, errors = score([gold], [p("date", 0, 4, "2020"), p("date", 21, 24, "2021"), p("date", 60, 64, "2022")])
    assert counts["date"] == Counts(gold=1, pred=1, strict=1, lenient=1, valued=1)
    assert errors == []


def test_missed_and_types_filter():
    gold = gold_doc([m("amount", 0, 4, "1", currency="USD"), m("date", 5, 9, "2020")], types=["amount"])
    counts, errors = score([gold], [p("date", 5, 9, "2020")])
    assert counts["amount"] == Counts(gold=1) and counts["date"] == Counts()
    assert [e.kind for e in errors] == ["missed"]


@pytest.mark.parametrize("gold, pred, same", [
    (m("percentage", 0, 1, "5", value_max="7", unit="percent"), {"value": "5", "value_max": "7.000"}, True),
    (m("percentage", 0, 1, "5", value_max="7"), {"value": "5", "value_max": None}, False),
    (m("percentage", 0, 1, "3", unit="percentage_point"), {"value": "3", "unit": "percent"}, False),
    (m("date", 0, 1, "XXXX-07-03"), {"value": "2025-07-03"}, False),
    (m("date", 0, 1, None), {"value": "2025"}, True),
    # The two allowances for older gold: later parts left as X, and a fiscal year as its calendar year.
    (m("date", 0, 1, "1989-WXX"), {"value": "1989-W43"}, True),
    (m("date", 0, 1, "2012-XX-XX"), {"value": "2012-05-01"}, True),
    (m("date", 0, 1, "1989-WXX"), {"value": "1990-W43"}, False),
    (m("date", 0, 1, "1989-WXX"), {"value": "1989-10"}, False),
    (m("date", 0, 1, "FY2013"), {"value": "2013"}, True),
    (m("date", 0, 1, "2013"), {"value": "FY2013"}, True),
    (m("date", 0, 1, "FY2013"), {"value": "2014"}, False),
])
def test_same_value(gold, pred, same):
    assert same_value(gold, pred) is same


def test_case_mapping_keeps_every_offset():
    text = "Straße İstanbul ﬁrm: Q3 profit 12 percent."
    upper, lower = case_mapped(text, "upper"), case_mapped(text, "lower")
    assert len(upper) == len(lower) == len(text)
    assert upper == "STRAßE İSTANBUL ﬁRM: Q3 PROFIT 12 PERCENT."  # ß and ﬁ grow when upper-cased: kept
    assert lower == "straße İstanbul ﬁrm: q3 profit 12 percent."  # İ grows when lower-cased: kept


@pytest.mark.parametrize("case", ["upper", "lower"])
def test_predictions_of_a_case_mapped_document_quote_it(tmp_path, case):
    (tmp_path / "a.txt").write_text("Sales rose 12 percent to $3.4 billion in 2024.", encoding="utf-8")
    text, found = predict(tmp_path, "a.txt", case)
    assert text == case_mapped("Sales rose 12 percent to $3.4 billion in 2024.", case)
    assert found and all(text[f["start"]:f["end"]] == f["text"] for f in found)
    assert {f["type"] for f in found} == {"amount", "percentage", "date"}


def test_eval_case_option_rejects_other_cases(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "a.txt", "mentions": []}\n')
    result = subprocess.run([sys.executable, "-m", "flows.cli", "eval", str(gold), str(tmp_path), "--case", "title"],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "--case is upper or lower" in result.stdout + result.stderr


def test_prf():
    assert prf(2, 4, 2) == (0.5, 1.0, pytest.approx(2 / 3))
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)


SHARED = Path(__file__).parents[2] / "shared"


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="the shared reference scorer is not beside the project")
def test_agrees_with_the_reference_scorer(tmp_path):
    """Our figures equal shared/tools/score.py's on the same predictions (the dev set's)."""
    gold_path = SHARED / "corpora" / "meantime-dev" / "gold.jsonl"
    docs = SHARED / "corpora" / "meantime-dev" / "docs"
    gold_docs = load_jsonl(gold_path)
    predictions = [p for g in gold_docs for p in predict(docs, g["doc"])[1]]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions))
    reference = json.loads(subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), str(gold_path), str(pred_path), "--json"],
        capture_output=True, text=True, check=True).stdout)
    counts, _ = score(gold_docs, predictions)
    for t, c in counts.items():
        strict, lenient, valued = prf(c.strict, c.pred, c.gold), prf(c.lenient, c.pred, c.gold), prf(c.valued, c.pred, c.gold)
        ours = dict(gold=c.gold, pred=c.pred, strict_f1=strict[2], lenient_p=lenient[0], lenient_r=lenient[1],
                    lenient_f1=lenient[2], value_f1=valued[2])
        assert ours == {k: pytest.approx(reference[t][k]) for k in ours}, t
