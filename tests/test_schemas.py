"""Schema checks: a mention that breaks a rule is rejected with its reason, never dropped."""
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import BaseModel, ConfigDict, ValidationError

from extractors import AmountMention, DateMention, PercentageMention
from extractors.mentions import Link
from flows.processing import validate_mentions
from schemas import FACT_MODELS, LINK_FIELDS, Document, Reject, Run, Skipped
from schemas.columns import ColumnValidator
from warehouse.store import Batch, as_rows

TEXT = "Exports rose 40% to over $200 million in the first half of 2025."


def span(mention_text):
    start = TEXT.index(mention_text)
    return dict(start=start, end=start + len(mention_text), text=mention_text)


def amount(**changes):
    fields = dict(**span("$200 million"), value=Decimal("200000000"), currency="USD",
                  qualifier="over", rule="<currency> <number> <scale>")
    return AmountMention(**(fields | changes))


def percentage(**changes):
    fields = dict(**span("40%"), value=Decimal("40"), unit="percent", qualifier="exact",
                  rule="<number>%")
    return PercentageMention(**(fields | changes))


def date_mention(**changes):
    fields = dict(**span("the first half of 2025"), value="2025-H1", grain="half",
                  rule="the <ordinal> half of <year>", start_date=date(2025, 1, 1), end_date=date(2025, 7, 1))
    return DateMention(**(fields | changes))


def link(**changes):
    """The links of TEXT's figures: the measure "Exports", in the first half of 2025, in TEXT's one sentence."""
    fields = dict(measure="Exports", measure_start=0, measure_end=7, period="2025-H1",
                  period_start_date=date(2025, 1, 1), period_end_date=date(2025, 7, 1), role="level", per=None,
                  sentence_start=0, sentence_end=len(TEXT))
    return Link(**(fields | changes))


def linked_amount(**changes):
    return amount(link=link(**changes))


def validate(mention):
    batch = Batch()
    validate_mentions([("doc", TEXT, [mention])], "run", batch)
    facts = [row for rows in batch.facts.values() for row in as_rows(rows)]
    return facts, batch.rejects


@pytest.mark.parametrize("mention", [amount(), percentage(), date_mention()], ids=["amount", "percentage", "date"])
def test_valid_mentions_become_facts(mention):
    facts, rejects = validate(mention)
    assert rejects == []
    assert len(facts) == 1 and facts[0]["text"] == mention.text
    assert TEXT[facts[0]["start_char"]:facts[0]["end_char"]] == facts[0]["text"]


@pytest.mark.parametrize("mention", [amount(), amount(value_max=Decimal("300000000"), qualifier="range"),
                                     amount(link=link()), percentage(link=link(role="change")),
                                     percentage(), date_mention(), date_mention(start_date=None, end_date=None,
                                                                                value="XXXX-H1")])
def test_fact_rows_are_what_pydantic_dumps(mention):
    """validate_mentions takes a fact's row from its model's __dict__: the same as dump_python,
    as long as a fact model has no computed field, alias or serializer."""
    facts, _ = validate(mention)
    model = FACT_MODELS[mention.type]
    assert facts == [model.model_validate(facts[0], context={"text": TEXT}).model_dump()]
    assert set(facts[0]) == set(model.model_fields)


BROKEN = [
    (amount(start=TEXT.index("$") - 1), r"is ' \$200 million', not '\$200 million'"),
    (amount(end=999), r"past the document end"),
    (amount(start=30, end=30, text=""), r"empty"),
    (amount(currency="XYZ"), r"'XYZ' is not an ISO 4217 currency code"),
    (amount(currency="usd"), r"not an ISO 4217"),
    (amount(value=Decimal("NaN")), r"finite"),
    (amount(value=Decimal("1e40")), r"DECIMAL\(38,6\)"),
    (amount(value_max=Decimal("100"), qualifier="range"), r"value_max 100 must exceed value"),
    (amount(value_max=Decimal("300000000")), r"qualifier 'range' goes with value_max"),
    (amount(qualifier="roughly"), r"qualifier"),
    (percentage(unit="basis_point"), r"unit"),
    (date_mention(value="2025-13"), r"not a TIMEX3 value"),
    (date_mention(value="2025-H3"), r"not a TIMEX3 value"),
    (date_mention(value="July 2025"), r"not a TIMEX3 value"),
    (date_mention(start_date=date(2025, 7, 1), end_date=date(2025, 1, 1)), r"must come before"),
    (date_mention(end_date=None), r"both known or both unknown"),
    (date_mention(grain="fortnight"), r"grain"),
    (date_mention(mod="around"), r"mod"),
]


# Links that break a rule: the measure's span, the period and its interval, the role, the sentence.
BROKEN_LINKS = [
    (linked_amount(measure=None), r"measure, measure_start and measure_end are all known or all unknown"),
    (linked_amount(measure_start=None, measure_end=None), r"are all known or all unknown"),
    (amount(link=Link(measure_start=0, measure_end=7)), r"are all known or all unknown"),
    (linked_amount(measure="", measure_end=0), r"measure span \[0, 0\) is empty or negative"),
    (linked_amount(measure_start=-1), r"measure span \[-1, 7\) is empty or negative"),
    (linked_amount(measure_start=70, measure_end=77), r"measure span end 77 lies past the document end 64"),
    (linked_amount(measure="Imports"), r"text\[0:7\] is 'Exports', not the measure 'Imports'"),
    (linked_amount(measure_start=1, measure_end=8), r"text\[1:8\] is 'xports ', not the measure 'Exports'"),
    (linked_amount(period="H1 2025"), r"period 'H1 2025' is not a TIMEX3 value"),
    (percentage(link=link(period="2025-13")), r"period '2025-13' is not a TIMEX3 value"),
    (linked_amount(period_end_date=None), r"period_start_date and period_end_date are both known or both unknown"),
    (linked_amount(period=None), r"period_start_date and period_end_date are known only with a period"),
    (linked_amount(period_start_date=date(2025, 7, 1)), r"period_start_date 2025-07-01 must come before"),
    (linked_amount(role="growth"), r"role: Input should be 'level' or 'change'"),
    (linked_amount(sentence_end=None), r"sentence_start and sentence_end are both known or both unknown"),
    (linked_amount(sentence_start=30, sentence_end=30), r"sentence span \[30, 30\) is empty or negative"),
    (linked_amount(sentence_end=80), r"sentence span end 80 lies past the document end 64"),
    (linked_amount(sentence_start=26), r"sentence span \[26, 64\) does not contain the fact's span \[25, 37\)"),
    (percentage(link=link(sentence_end=15)), r"sentence span \[0, 15\) does not contain the fact's span \[13, 16\)"),
]
BROKEN += BROKEN_LINKS


@pytest.mark.parametrize("mention, reason", BROKEN, ids=lambda x: x if isinstance(x, str) else None)
def test_broken_mentions_go_to_rejects_with_reason(mention, reason):
    facts, rejects = validate(mention)
    assert facts == []
    assert len(rejects) == 1
    assert re.search(reason, rejects[0]["reason"]), rejects[0]["reason"]
    assert rejects[0]["type"] == mention.type and rejects[0]["text"] == mention.text


# Links that keep every rule: all of them, or any part (a measure, a period, a role, a rate, a sentence).
LINKED = [
    ("all", amount(link=link())),
    ("all, of a percentage", percentage(link=link(role="change"))),
    ("a measure alone", amount(link=Link("Exports", 0, 7))),
    ("a measure of two words", linked_amount(measure="Exports rose", measure_end=12)),
    ("a period with unknown parts, no interval", amount(link=Link(period="XXXX-H1", role="level"))),
    ("a fiscal year, no interval", percentage(link=Link(period="FY2025"))),
    ("a rate", amount(link=Link("Exports", 0, 7, per="share"))),
    ("a sentence exactly the fact", amount(link=Link(sentence_start=25, sentence_end=37))),
    ("no link", amount(link=Link())),
]


@pytest.mark.parametrize("mention", [m for _, m in LINKED], ids=[name for name, _ in LINKED])
def test_linked_mentions_become_facts_with_their_links(mention):
    facts, rejects = validate(mention)
    assert rejects == []
    assert [{name: fact[name] for name in LINK_FIELDS} for fact in facts] == [
        {name: getattr(mention.link, name) for name in LINK_FIELDS}]


@pytest.mark.parametrize("mention", [m for m, _ in BROKEN] + [amount(), percentage(), date_mention()]
                         + [m for _, m in LINKED])
def test_a_mention_is_rejected_for_the_reason_its_model_gives(mention):
    """Facts are validated column by column (schemas/columns.py): the same verdict and the same
    words as validating the row with its model."""
    facts, rejects = validate(mention)
    row = (facts or [rejects and json.loads(rejects[0]["payload"])])[0]
    try:
        FACT_MODELS[mention.type].model_validate(_as_given(mention), context={"text": TEXT})
        expected = None
    except ValidationError as error:
        expected = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'mention'}: {e['msg']}" for e in error.errors())
    assert (rejects[0]["reason"] if rejects else None) == expected
    assert row["doc_id"] == "doc" and row["start_char"] == mention.start


def _as_given(mention):
    names = [n for n in FACT_MODELS[mention.type].model_fields if n not in ("doc_id", "run_id")]
    attribute = {"start_char": "start", "end_char": "end"}
    given = {n: getattr(mention.link if n in LINK_FIELDS else mention, attribute.get(n, n)) for n in names}
    return given | {"doc_id": "doc", "run_id": "run"}


def test_a_model_whose_config_changes_its_fields_is_not_validated_as_columns():
    class Strict(BaseModel):  # strict: a column's TypeAdapter would accept "1" for n, the model not
        model_config = ConfigDict(strict=True)
        n: int

    with pytest.raises(TypeError, match="settings a column would miss"):
        ColumnValidator(Strict)


def test_documents_validated_together_keep_their_rows_apart():
    other = "Sales fell 3% in 2024."
    batch = Batch()
    validate_mentions([("a", TEXT, [amount(), amount(currency="XYZ"), percentage(), date_mention()]),
                       ("b", other, [percentage(start=11, end=13, text="3%", value=Decimal(3)), date_mention()])],
                      "run", batch)
    amounts, percentages, dates = (as_rows(batch.facts[t]) for t in ("amounts", "percentages", "dates"))
    assert [(r["doc_id"], r["text"]) for r in amounts] == [("a", "$200 million")]
    assert [(r["doc_id"], r["text"]) for r in percentages] == [("a", "40%"), ("b", "3%")]
    assert [(r["doc_id"], r["text"]) for r in dates] == [("a", "the first half of 2025")]
    assert [(r["doc_id"], r["type"], r["reason"]) for r in batch.rejects] == [
        ("a", "amount", "mention: Value error, currency 'XYZ' is not an ISO 4217 currency code"),
        ("b", "date", "mention: Value error, span end 63 lies past the document end 22")]


def test_field_and_rule_failures_in_one_batch_reject_the_right_rows():
    """A field that fails takes its row out before the rules run over the rest: each reason
    must still land on its own row, and every other row stay a fact, in order."""
    other = "Sales fell 3% in 2024."
    batch = Batch()
    validate_mentions([("a", TEXT, [amount(qualifier="roughly"), amount(), amount(currency="XYZ")]),
                       ("b", other, [amount(start=11, end=13, text="3%", value=Decimal(3), currency=None,
                                            qualifier="exact"),
                             amount(start=0, end=5, text="Sales", value_max=Decimal("300000000"))])],
                      "run", batch)
    assert [(r["doc_id"], r["text"], r["currency"]) for r in as_rows(batch.facts["amounts"])] == [
        ("a", "$200 million", "USD"), ("b", "3%", None)]
    assert [(r["doc_id"], json.loads(r["payload"])["currency"], r["reason"]) for r in batch.rejects] == [
        ("a", "USD", "qualifier: Input should be 'exact', 'about', 'over', 'under' or 'range'"),
        ("a", "XYZ", "mention: Value error, currency 'XYZ' is not an ISO 4217 currency code"),
        ("b", "USD", "mention: Value error, qualifier 'range' goes with value_max, and only with it")]


@pytest.mark.parametrize("value, ok", [
    ("2025-07-03", True), ("XXXX-07-03", True), ("2025-07", True), ("2025", True), ("2025-Q3", True),
    ("2025-QX", True), ("2025-H1", True), ("199", True), ("19", True), ("2025-W27", True),
    ("2025-W27-WE", True), ("2025-SU", True), ("FY2025", True), ("XXXX", True),
    ("2025-02-30x", False), ("2025-W54", False), ("2025-Q5", False), ("20255", False), ("", False),
])
def test_timex3_values(value, ok):
    from schemas.facts import TIMEX3_VALUE
    assert bool(TIMEX3_VALUE.match(value)) is ok


def _table_columns(sql: str, table: str) -> list[str]:
    body = re.search(rf"CREATE TABLE IF NOT EXISTS {table} \((.*?)\n\);", sql, re.S)[1]
    return [line.split()[0] for line in body.splitlines() if line.strip() and not line.strip().startswith("--")]


@pytest.mark.parametrize("table, model", [
    ("amounts", FACT_MODELS["amount"]), ("percentages", FACT_MODELS["percentage"]), ("dates", FACT_MODELS["date"]),
    ("documents", Document), ("rejects", Reject), ("runs", Run), ("skipped", Skipped),
])
def test_schema_sql_has_exactly_the_model_fields(table, model):
    sql = (Path(__file__).parents[1] / "warehouse" / "schema.sql").read_text()
    assert sorted(_table_columns(sql, table)) == sorted(model.model_fields)


def test_decimal_columns_cross_to_arrow_as_the_widest_decimal_a_table_holds():
    from warehouse.store import arrow_table
    values = [None, Decimal("1.0000000"), Decimal("1.5E+9"), Decimal("-0.000001"),
              Decimal("99999999999999999999999999999999.999999")]
    table = arrow_table({"value_max": values, "text": ["a", "b", "c", "d", "e"]})
    assert str(table.schema.field("value_max").type) == "decimal128(38, 6)"
    assert table.column("value_max").to_pylist() == values  # Decimal equality: the same numbers
    assert str(table.schema.field("text").type) == "string"
