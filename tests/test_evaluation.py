"""The scorer behind `facts eval` (ANNOTATION.md, "Scoring")."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import cli, evaluation
from flows.evaluation import Counts, case_mapped, load_jsonl, predict, prf, same_value, score
from flows.link_scoring import LinkCounts, links_beside, measure_right, period_right, score_links


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


# Linked facts (ANNOTATION.md "Linked facts"): what a figure measures, its period, its role.
TRADE = "Quarterly sales at Harbour Foods rose 12% to $48 million in the third quarter, and net revenues reached $9 million."


def span(text, phrase, after=0):
    start = text.index(phrase, after)
    return {"start": start, "end": start + len(phrase), "text": phrase}


def fact(type_, phrase, text=TRADE):
    return {"type": type_, "start": (s := span(text, phrase))["start"], "end": s["end"]}


def gold_link(type_, phrase, measure, period, role, text=TRADE):
    return {"fact": fact(type_, phrase, text), "measure": measure and span(text, measure), "period": period, "role": role}


def linked(type_, phrase, measure=None, period=None, role=None, text=TRADE, measure_at=None, doc="a.txt"):
    """A prediction with its links; `measure_at` places the measure's span (default: where it first stands)."""
    where = span(text, measure_at or measure) if measure else {"start": None, "end": None}
    return {"doc": doc, **fact(type_, phrase, text), "measure": measure, "measure_start": where["start"],
            "measure_end": where["end"], "period": period, "role": role}


@pytest.mark.parametrize("gold_measure, pred, right", [
    (None, {"measure": None}, True),  # both null: "$5 each" measures nothing named
    (None, {"measure": "sales", "measure_start": 10, "measure_end": 15}, False),
    (span(TRADE, "Quarterly sales"), {"measure": None}, False),
    # the spans overlap: a shorter or longer phrase for the same thing
    (span(TRADE, "Quarterly sales"), {"measure": "sales", **{f"measure_{k}": v for k, v in fact("x", "sales").items() if k != "type"}}, True),
    # the last words agree, lower case and a plural "s" dropped, wherever the phrase stands
    (span(TRADE, "net revenues"), {"measure": "Revenue", "measure_start": 0, "measure_end": 7}, True),
    (span(TRADE, "net revenues"), {"measure": "revenue"}, True),  # no span given: the words decide
    (span(TRADE, "Quarterly sales"), {"measure": "Harbour Foods", "measure_start": 25, "measure_end": 38}, False),
    (span(TRADE, "net revenues"), {"measure": "gas", "measure_start": 0, "measure_end": 3}, False),  # "gas" keeps its s
])
def test_measure_right(gold_measure, pred, right):
    assert measure_right(gold_measure, pred) is right


@pytest.mark.parametrize("gold_period, pred_period, right", [
    (None, None, True),
    (None, "", True),
    (None, "2024", False),
    ("2024-Q3", None, False),
    ("2024-Q3", "2024-Q3", True),
    ("2024-Q3", "2024-Q2", False),
    ("1989-WXX", "1989-W43", True),  # later parts left as X: a value that fills them in agrees
    ("1989-WXX", "1990-W43", False),
    ("FY2013", "2013", True),  # a fiscal year agrees with its calendar year
    ("2013", "FY2013", True),
    ("FY2013", "2014", False),
])
def test_period_right(gold_period, pred_period, right):
    assert period_right(gold_period, {"period": pred_period}) is right


def trade_links():
    return [{"doc": "a.txt", "links": [
        gold_link("percentage", "12%", "Quarterly sales", "2024-Q3", "change"),
        gold_link("amount", "$48 million", "Quarterly sales", "2024-Q3", "level"),
        gold_link("amount", "$9 million", "net revenues", "2024-Q3", "level"),
    ]}]


def test_links_all_right():
    preds = [linked("percentage", "12%", "sales", "2024-Q3", "change"), linked("amount", "$48 million", "sales", "2024-Q3", "level"),
             linked("amount", "$9 million", "revenues", "2024-Q3", "level", measure_at="net revenues")]
    counts, errors = score_links(trade_links(), preds)
    assert counts == {"amount": LinkCounts(2, 2, 2, 2, 2, 2), "percentage": LinkCounts(1, 1, 1, 1, 1, 1),
                      "all": LinkCounts(3, 3, 3, 3, 3, 3)}
    assert errors == []


def test_a_missed_fact_counts_wrong_for_every_link():
    counts, errors = score_links(trade_links(), [linked("amount", "$48 million", "sales", "2024-Q3", "level")])
    assert counts["all"] == LinkCounts(facts=3, found=1, measure=1, period=1, role=1, all_three=1)
    assert counts["all"].shares() == {k: pytest.approx(1 / 3) for k in ("found", "measure", "period", "role", "all_three")}
    assert [e.kind for e in errors] == ["missed", "missed"]


def test_each_wrong_link_is_named():
    preds = [linked("percentage", "12%", "sales", "2024-Q3", "level"), linked("amount", "$48 million", "Harbour Foods", None, "level"),
             linked("amount", "$9 million")]
    counts, errors = score_links(trade_links(), preds)
    assert counts["all"] == LinkCounts(facts=3, found=3, measure=1, period=1, role=1, all_three=0)
    assert [e.kind for e in errors] == ["wrong role", "wrong measure,period", "wrong measure,period,role"]
    assert errors[2].pred["start"] == fact("amount", "$9 million")["start"]


def test_a_prediction_of_another_type_does_not_match():
    preds = [linked("amount", "12%", "sales", "2024-Q3", "change")]  # same span, but an amount
    counts, errors = score_links([{"doc": "a.txt", "links": trade_links()[0]["links"][:1]}], preds)
    assert counts["percentage"] == LinkCounts(facts=1) and [e.kind for e in errors] == ["missed"]


def test_matching_is_one_to_one_in_order():
    text = "The two bonds, $3 million and $4 million, were sold to a pension fund."
    links = [{"doc": "a.txt", "links": [gold_link("amount", "$3 million", "bonds", None, "level", text),
                                        gold_link("amount", "$4 million", "bonds", None, "level", text)]}]
    one_span = {"doc": "a.txt", "type": "amount", "start": text.index("$3"), "end": text.index(", were"),
                "measure": "bonds", "period": None, "role": "level"}  # one prediction over both figures
    counts, errors = score_links(links, [one_span])
    assert counts["all"] == LinkCounts(facts=2, found=1, measure=1, period=1, role=1, all_three=1)
    # the first prediction that overlaps is taken, even when a later one is a better match
    first, second = dict(one_span, role="change"), dict(one_span, start=text.index("$4"))
    counts, errors = score_links(links, [first, second])
    assert counts["all"] == LinkCounts(facts=2, found=2, measure=2, period=2, role=1, all_three=1)
    assert [e.kind for e in errors] == ["wrong role"]


@pytest.mark.parametrize("name, beside", [("gold.jsonl", "links.jsonl"), ("dev-gold.jsonl", "dev-links.jsonl"),
                                          ("news-gold.jsonl", None), ("mentions.jsonl", None)])
def test_links_file_beside_the_gold(tmp_path, name, beside):
    (tmp_path / name).write_text("")
    for other in ("links.jsonl", "dev-links.jsonl", "news_links.jsonl"):
        (tmp_path / other).write_text("")
    assert links_beside(tmp_path / name) == (beside and tmp_path / beside)


def write_dev_set(folder):
    """A one-document gold set with its links beside it, as `facts eval` finds them."""
    (folder / "docs").mkdir()
    (folder / "docs" / "a.txt").write_text(TRADE, encoding="utf-8")
    (folder / "dev-gold.jsonl").write_text(json.dumps({"doc": "a.txt", "mentions": []}) + "\n")
    (folder / "dev-links.jsonl").write_text(json.dumps(trade_links()[0]) + "\n")
    return folder / "dev-gold.jsonl", folder / "docs"


@pytest.mark.parametrize("case", [None, "upper", "lower"])
def test_eval_prints_the_links_table_and_the_wrong_links(tmp_path, monkeypatch, case):
    """The plumbing from predictions with links to the table and --errors (the predictions stand in for the linker's)."""
    gold, docs = write_dev_set(tmp_path)

    def mapped(text, case_asked):
        return text if case_asked is None else case_mapped(text, case_asked)

    def linked_predictions(docs_folder, doc, case_asked):
        found = [linked("percentage", "12%", "Quarterly sales", "2024-Q3", "change"),
                 linked("amount", "$48 million", "Quarterly sales", "2024", "level")]
        return mapped(TRADE, case_asked), [dict(p, measure=mapped(p["measure"], case_asked)) for p in found]
    monkeypatch.setattr(evaluation, "predict", linked_predictions)
    monkeypatch.setattr(cli, "console", cli.Console(width=200))
    result = CliRunner().invoke(cli.app, ["eval", str(gold), str(docs), "--errors", "5", *(["--case", case] if case else [])])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[lines.index(next(line for line in lines if line.startswith("links"))):][:4] == [
        "links           facts     found   measure    period      role all three",
        "amount              2     0.500     0.500     0.000     0.500     0.000",
        "percentage          1     1.000     1.000     1.000     1.000     1.000",
        "all                 3     0.667     0.667     0.333     0.667     0.333"]
    assert f"fact '{mapped('$48 million', case)}' [" in result.output  # the text scored, in its case
    assert "gold measure='Quarterly sales' [0:15] period=2024-Q3 role=level" in result.output
    assert f"pred measure='{mapped('Quarterly sales', case)}' [0:15] period=2024 role=level" in result.output
    assert f"fact '{mapped('$9 million', case)}' [" in result.output
    assert "link errors: missed 1, wrong period 1" in result.output


def test_eval_without_links_prints_no_links_table_and_reads_an_explicit_links_file(tmp_path, monkeypatch):
    gold, docs = write_dev_set(tmp_path)
    (tmp_path / "dev-links.jsonl").rename(tmp_path / "elsewhere.jsonl")
    monkeypatch.setattr(cli, "console", cli.Console(width=200))
    without = CliRunner().invoke(cli.app, ["eval", str(gold), str(docs)])
    assert without.exit_code == 0 and "links " not in without.output
    explicit = CliRunner().invoke(cli.app, ["eval", str(gold), str(docs), "--links", str(tmp_path / "elsewhere.jsonl")])
    assert explicit.exit_code == 0 and "\nall                 3 " in explicit.output
    missing = CliRunner().invoke(cli.app, ["eval", str(gold), str(docs), "--links", str(tmp_path / "none.jsonl")])
    assert missing.exit_code != 0 and "links file not found" in missing.output


def test_predictions_carry_the_links_the_pipeline_stores(tmp_path, monkeypatch):
    """predict() reads the link columns of the validated rows: the linker's links reach the scorer."""
    from extractors.mentions import Link
    from flows import processing
    from schemas import FACT_MODELS

    if "measure" not in FACT_MODELS["amount"].model_fields:
        pytest.skip("the fact schemas do not store links yet")
    real = processing.extract_batch

    def extract_and_link(texts, published):
        found = real(texts, published)
        for text, mentions in zip(texts, found):
            for mention in mentions:
                if mention.type != "date":
                    start = text.index("net revenues")
                    mention.link = Link(measure="net revenues", measure_start=start, measure_end=start + 12,
                                        period="2024-Q3", role="level")
        return found
    monkeypatch.setattr(processing, "extract_batch", extract_and_link)
    (tmp_path / "a.txt").write_text(TRADE, encoding="utf-8")
    _, found = predict(tmp_path, "a.txt")
    figures = [f for f in found if f["type"] != "date"]
    assert len(figures) == 3 and all(
        (f["measure"], f["measure_start"], f["period"], f["role"]) == ("net revenues", TRADE.index("net revenues"), "2024-Q3", "level")
        for f in figures)
    counts, _ = score_links(trade_links(), found)
    assert counts["all"] == LinkCounts(facts=3, found=3, measure=1, period=3, role=2, all_three=1)


def reference_links(links_path, predictions, tmp_path):
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in predictions))
    return json.loads(subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_links.py"), str(links_path), str(pred_path), "--json"],
        capture_output=True, text=True, check=True).stdout)


def with_made_up_links(predictions, link_docs):
    """The predictions with links taken from the gold and spoiled in turn, so that every branch of the scoring is met."""
    gold_of = {(d["doc"], link["fact"]["type"], link["fact"]["start"]): link for d in link_docs for link in d["links"]}
    out = []
    for i, p in enumerate(predictions):
        link = next((g for (doc, t, start), g in gold_of.items()
                     if doc == p["doc"] and t == p["type"] and overlap_of(g["fact"], p)), None)
        if link is None:
            out.append(p)
            continue
        measure, period, role = link["measure"], link["period"], link["role"]
        p = dict(p, measure=measure and measure["text"], measure_start=measure and measure["start"],
                 measure_end=measure and measure["end"], period=period, role=role)
        if i % 5 == 1 and measure:  # elsewhere, the same last word in capitals and plural
            p.update(measure=measure["text"].upper() + "S", measure_start=0, measure_end=1)
        elif i % 5 == 2:
            p.update(period=("FY" + period) if period else "2001", role="change" if role == "level" else "level")
        elif i % 5 == 3:
            p.update(measure=None if measure else "price", measure_start=None, measure_end=None)
        out.append(p)
    return out


def overlap_of(a, b):
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


@pytest.mark.skipif(not (SHARED / "tools" / "score_links.py").exists(), reason="the shared reference scorer is not beside the project")
@pytest.mark.parametrize("links_name", ["meantime-dev/links.jsonl", "seed-links.jsonl"])
def test_link_scores_agree_with_the_reference_scorer(tmp_path, links_name):
    """Our link figures equal shared/tools/score_links.py's on the same predictions: the pipeline's own, and
    the same with links made up from the gold (right, and spoiled in each way)."""
    links_path = SHARED / "corpora" / links_name
    docs = links_path.parent / "docs" if links_name.startswith("meantime") else Path(__file__).parents[1] / "seeds"
    link_docs = load_jsonl(links_path)
    predictions = [p for d in link_docs for p in predict(docs, d["doc"])[1]]
    for preds in (predictions, with_made_up_links(predictions, link_docs)):
        reference = reference_links(links_path, preds, tmp_path)
        counts, _ = score_links(link_docs, preds)
        ours = counts["all"].shares()
        ours["all"], ours["facts"] = ours.pop("all_three"), counts["all"].facts
        assert ours == {
            k: pytest.approx(v) for k, v in reference.items()}
