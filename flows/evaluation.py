"""`facts eval`: score the pipeline's extraction against gold annotations (ANNOTATION.md, "Scoring"),
and the links of its amounts and percentages against gold links (flows/link_scoring.py).

Predictions come from the pipeline's own path (read, decode, sidecar or dateline, extract,
validate), so what is scored is what `facts run` would store.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from rich.console import Console

from flows.processing import process_document
from flows.sources import DocumentError, decode, read_raw
from warehouse.store import FACT_TABLES, Batch, as_rows

if TYPE_CHECKING:
    from flows.link_scoring import LinkCounts, LinkError

TYPES = ("amount", "percentage", "date")
CASES = ("upper", "lower")
# the link columns a prediction carries, scored by flows/link_scoring.py
LINK_FIELDS = ("measure", "measure_start", "measure_end", "period", "role", "per")


def case_mapped(text: str, case: str) -> str:
    """`text` in upper or lower case, character by character: a character whose mapping is
    longer ("ß" -> "SS") stays as it is, so every gold offset still points at its mention."""
    mapping = str.upper if case == "upper" else str.lower
    return "".join(m if len(m := mapping(c)) == 1 else c for c in text)


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(docs: Path, relative_path: str, case: str | None = None) -> tuple[str, list[dict[str, Any]]]:
    """The document's text and the validated mentions the pipeline extracts from it, as
    predictions; with `case`, from the text mapped to that case (its sidecar as it is)."""
    batch = Batch()
    try:
        raw = read_raw(docs, relative_path)
        if case is not None:
            raw = replace(raw, data=case_mapped(decode(raw.data)[0], case).encode("utf-8"))
    except DocumentError:
        return "", []
    process_document(raw, run_id="eval", batch=batch)
    predictions = []
    for mention_type, table in FACT_TABLES.items():
        for row in as_rows(batch.facts[table]):
            predictions.append({
                "doc": relative_path, "type": mention_type, "start": row["start_char"], "end": row["end_char"],
                "text": row["text"], "value": _text(row.get("value")), "value_max": _text(row.get("value_max")),
                "currency": row.get("currency"), "unit": row.get("unit"),
                **({} if mention_type == "date" else {name: row.get(name) for name in LINK_FIELDS}),
            })
    return batch.documents[0]["text"] or "", predictions


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _decimal(value: Any) -> Decimal | str | None:
    if value is None:
        return None
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return str(value)


def same_value(gold: dict, pred: dict) -> bool:
    """The prediction's normalized value (and currency or unit) agrees with gold; fields gold omits are not judged."""
    if gold["type"] == "date":
        return gold.get("value") is None or same_date(gold["value"], str(pred.get("value")))
    for key in ("value", "value_max"):
        if gold.get(key) is not None and _decimal(gold[key]) != _decimal(pred.get(key)):
            return False
    if gold["type"] == "amount" and gold.get("currency") and gold["currency"] != pred.get("currency"):
        return False
    if gold["type"] == "percentage" and gold.get("unit") and gold["unit"] != (pred.get("unit") or "percent"):
        return False
    return True


def same_date(gold: str, pred: str) -> bool:
    """The two allowances for gold written under older guidelines (ANNOTATION.md, "Scoring"):
    where gold knows the year and leaves later parts as X ("1989-WXX"), a value that fills them
    in agrees ("1989-W43"); a fiscal year agrees with its calendar year ("FY2013" and "2013")."""
    if gold == pred:
        return True
    if gold[:4].isdigit() and "X" in gold[4:] and len(pred) == len(gold):
        return all(g == "X" or g == p for g, p in zip(gold, pred))
    return gold.removeprefix("FY") == pred.removeprefix("FY")


def overlap(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    lenient: int = 0
    valued: int = 0


@dataclass
class ScoreError:
    kind: str  # missed | spurious | value
    doc: str
    type: str
    gold: dict | None
    pred: dict | None


def _scored_predictions(gold_doc: dict, predictions: list[dict], mention_type: str, gold: list[dict]) -> list[dict]:
    """Predictions that count: inside gold_region, and not on an ignored span unless they hit gold."""
    region = gold_doc.get("gold_region")
    kept = []
    for p in predictions:
        if p["type"] != mention_type:
            continue
        if region and not (region[0] <= p["start"] and p["end"] <= region[1]):
            continue
        if any(overlap(p, ig) for ig in gold_doc.get("ignore", [])) and not any(overlap(p, g) for g in gold):
            continue
        kept.append(p)
    return kept


def score(gold_docs: list[dict], predictions: list[dict]) -> tuple[dict[str, Counts], list[ScoreError]]:
    """Strict, lenient (one-to-one, biggest overlap first) and value matches per type."""
    by_doc: dict[str, list[dict]] = {}
    for p in predictions:
        by_doc.setdefault(p["doc"], []).append(p)
    counts = {t: Counts() for t in TYPES}
    found: list[ScoreError] = []
    for gold_doc in gold_docs:
        doc = gold_doc["doc"]
        for t in TYPES:
            if "types" in gold_doc and t not in gold_doc["types"]:
                continue
            gold = [m for m in gold_doc["mentions"] if m["type"] == t]
            pred = _scored_predictions(gold_doc, by_doc.get(doc, []), t, gold)
            c = counts[t]
            c.gold += len(gold)
            c.pred += len(pred)
            c.strict += len({(g["start"], g["end"]) for g in gold} & {(p["start"], p["end"]) for p in pred})
            pairs = sorted(((overlap(g, p), i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                            if overlap(g, p)), reverse=True)
            used_gold, used_pred = set(), set()
            for _, i, j in pairs:
                if i in used_gold or j in used_pred:
                    continue
                used_gold.add(i)
                used_pred.add(j)
                c.lenient += 1
                if same_value(gold[i], pred[j]):
                    c.valued += 1
                else:
                    found.append(ScoreError("value", doc, t, gold[i], pred[j]))
            found += [ScoreError("missed", doc, t, g, None) for i, g in enumerate(gold) if i not in used_gold]
            found += [ScoreError("spurious", doc, t, None, p) for j, p in enumerate(pred) if j not in used_pred]
    return counts, found


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Evaluation:
    counts: dict[str, Counts]
    errors: list[ScoreError]
    texts: dict[str, str]  # each document's text, for showing errors in context
    links: dict[str, LinkCounts] | None = None  # None: no gold links
    link_errors: list[LinkError] = field(default_factory=list)


def evaluate_folder(gold_path: Path, docs: Path, case: str | None = None, links_path: Path | None = None) -> Evaluation:
    """Scores per type and their errors, and with `links_path` the links' scores; with `case`, of
    the documents mapped to that case (see case_mapped)."""
    gold_docs = load_jsonl(gold_path)
    link_docs = load_jsonl(links_path) if links_path is not None else []
    texts, predictions = {}, []
    for doc in dict.fromkeys([g["doc"] for g in gold_docs] + [d["doc"] for d in link_docs]):
        texts[doc], found = predict(docs, doc, case)
        predictions += found
    counts, errors = score(gold_docs, predictions)
    result = Evaluation(counts, errors, texts)
    if links_path is not None:
        from flows.link_scoring import score_links  # here, not on top: link_scoring builds on this module's matching

        result.links, result.link_errors = score_links(link_docs, predictions)
    return result


def print_scores(counts: dict[str, Counts], console: Console) -> None:
    """One line per type; 'value F1' is the headline: overlapping span and the right value."""
    header = ("type", "gold", "pred", "strictP", "strictR", "strictF1", "lenP", "lenR", "lenF1",
              "valAcc", "valP", "valR", "valueF1")
    console.print(f"{header[0]:<11}" + "".join(f"{h:>9}" for h in header[1:]), highlight=False, soft_wrap=True)
    for t, c in counts.items():
        strict, lenient, valued = prf(c.strict, c.pred, c.gold), prf(c.lenient, c.pred, c.gold), prf(c.valued, c.pred, c.gold)
        accuracy = c.valued / c.lenient if c.lenient else 0.0
        figures = (*strict, *lenient, accuracy, *valued)
        console.print(f"{t:<11}{c.gold:>9}{c.pred:>9}" + "".join(f"{x:>9.3f}" for x in figures), highlight=False, soft_wrap=True)


def _show(m: dict | None) -> str:
    if m is None:
        return ""
    extra = m.get("currency") or m.get("unit") or ""
    span = f"{m.get('value')}" + (f"..{m['value_max']}" if m.get("value_max") else "")
    return f"{m.get('text')!r} [{m['start']}:{m['end']}] = {span} {extra}".rstrip()


def in_context(text: str, mention: dict, width: int = 60) -> str:
    """The mention marked [[so]] in up to `width` characters of text either side, on one line."""
    start, end = mention["start"], mention["end"]
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return f"...{before}[[{text[start:end]}]]{after}..."


class Kinded(Protocol):
    """An error listed by its kind: ScoreError here, LinkError in flows/link_scoring.py."""
    kind: str


ErrorT = TypeVar("ErrorT", bound=Kinded)


def print_by_kind(found: list[ErrorT], describe: Callable[[ErrorT], str], limit: int, console: Console,
                  label: str) -> None:
    """The first `limit` errors of each kind, described, then how many there are of each kind."""
    shown: dict[str, int] = {}
    for e in found:
        shown[e.kind] = shown.get(e.kind, 0) + 1
        if shown[e.kind] <= limit:
            console.print(describe(e), highlight=False, markup=False, soft_wrap=True)
    console.print(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(shown.items())), highlight=False, soft_wrap=True)


def describe_error(e: ScoreError, text: str) -> str:
    """The missed, spurious or wrongly valued mention: gold, prediction, and the mention in context."""
    return (f"{e.kind:<8} {e.type:<10} {e.doc}\n    gold {_show(e.gold)}\n    pred {_show(e.pred)}"
            f"\n    {in_context(text, e.gold or e.pred)}")


def print_errors(found: list[ScoreError], limit: int, console: Console, texts: dict[str, str]) -> None:
    print_by_kind(found, lambda e: describe_error(e, texts.get(e.doc, "")), limit, console, "errors")
