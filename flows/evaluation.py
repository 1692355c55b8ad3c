"""`facts eval`: score the pipeline's extraction against gold annotations (ANNOTATION.md, "Scoring"),
and the links of its amounts and percentages against gold links (ANNOTATION.md, "Linked facts").

Predictions come from the pipeline's own path (read, decode, sidecar or dateline, extract,
validate), so what is scored is what `facts run` would store.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rich.console import Console

from flows.processing import process_document
from flows.sources import DocumentError, decode, read_raw
from warehouse.store import FACT_TABLES, Batch, as_rows

TYPES = ("amount", "percentage", "date")
CASES = ("upper", "lower")
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


def last_word(text: str | None) -> str:
    """The last word, lower case, punctuation and a plural "s" dropped ("sales" and "Sales," agree)."""
    words = (text or "").lower().replace("-", " ").split()
    word = words[-1].strip(".,;:'\"()") if words else ""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def measure_right(gold: dict | None, pred: dict) -> bool:
    """Both null, or the spans overlap, or the last words agree."""
    if gold is None or pred.get("measure") in (None, ""):
        return gold is None and pred.get("measure") in (None, "")
    if pred.get("measure_start") is not None and pred.get("measure_end") is not None \
            and overlap(gold, {"start": pred["measure_start"], "end": pred["measure_end"]}):
        return True
    return last_word(gold["text"]) == last_word(pred["measure"])


def period_right(gold: str | None, pred: dict) -> bool:
    """Both null, or the values agree with the date allowances (same_date)."""
    if gold is None or pred.get("period") in (None, ""):
        return gold is None and pred.get("period") in (None, "")
    return same_date(gold, str(pred["period"]))


@dataclass
class LinkCounts:
    facts: int = 0
    found: int = 0
    measure: int = 0
    period: int = 0
    role: int = 0
    all_three: int = 0

    def shares(self) -> dict[str, float]:
        """Each figure over all gold facts: a fact not found counts as wrong."""
        n = self.facts or 1
        return {k: getattr(self, k) / n for k in ("found", "measure", "period", "role", "all_three")}


@dataclass
class LinkError:
    kind: str  # missed | wrong measure,period,role (the links that are wrong)
    doc: str
    gold: dict  # the gold link: fact, measure, period, role
    pred: dict | None


def score_links(link_docs: list[dict], predictions: list[dict]) -> tuple[dict[str, LinkCounts], list[LinkError]]:
    """Per fact type and over "all": each gold fact takes the first unused prediction of its type
    that overlaps it, in order (one-to-one), and its measure, period and role are judged."""
    by_doc: dict[str, list[dict]] = {}
    for p in predictions:
        by_doc.setdefault(p["doc"], []).append(p)
    counts: dict[str, LinkCounts] = {"amount": LinkCounts(), "percentage": LinkCounts(), "all": LinkCounts()}
    found: list[LinkError] = []
    for link_doc in link_docs:
        pool = list(by_doc.get(link_doc["doc"], []))
        for link in link_doc["links"]:
            fact = link["fact"]
            tallies = [counts.setdefault(fact["type"], LinkCounts()), counts["all"]]
            match = next((p for p in pool if p["type"] == fact["type"] and overlap(p, fact)), None)
            for c in tallies:
                c.facts += 1
            if match is None:
                found.append(LinkError("missed", link_doc["doc"], link, None))
                continue
            pool.remove(match)
            right = {"measure": measure_right(link["measure"], match), "period": period_right(link["period"], match),
                     "role": link["role"] == match.get("role")}
            for c in tallies:
                c.found += 1
                c.measure += right["measure"]
                c.period += right["period"]
                c.role += right["role"]
                c.all_three += all(right.values())
            if not all(right.values()):
                wrong = ",".join(k for k, ok in right.items() if not ok)
                found.append(LinkError(f"wrong {wrong}", link_doc["doc"], link, match))
    return counts, found


def links_beside(gold_path: Path) -> Path | None:
    """The gold links file beside a gold file, when there is one: `gold.jsonl` -> `links.jsonl`,
    `X-gold.jsonl` -> `X-links.jsonl`."""
    if not gold_path.name.endswith("gold.jsonl"):
        return None
    links = gold_path.with_name(gold_path.name.removesuffix("gold.jsonl") + "links.jsonl")
    return links if links.is_file() else None


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


def _context(text: str, mention: dict, width: int = 60) -> str:
    start, end = mention["start"], mention["end"]
    before = text[max(0, start - width):start].replace("\n", " ")
    after = text[end:end + width].replace("\n", " ")
    return f"...{before}[[{text[start:end]}]]{after}..."


def print_errors(found: list[ScoreError], limit: int, console: Console, texts: dict[str, str]) -> None:
    shown: dict[str, int] = {}
    for e in found:
        shown[e.kind] = shown.get(e.kind, 0) + 1
        if shown[e.kind] <= limit:
            context = _context(texts.get(e.doc, ""), e.gold or e.pred)
            console.print(f"{e.kind:<8} {e.type:<10} {e.doc}\n    gold {_show(e.gold)}\n    pred {_show(e.pred)}"
                          f"\n    {context}", highlight=False, markup=False, soft_wrap=True)
    console.print("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(shown.items())), highlight=False, soft_wrap=True)


def print_link_scores(counts: dict[str, LinkCounts], console: Console) -> None:
    """One line per type and one for all: the share of gold facts found, with each link right,
    and with all three right (the headline)."""
    header = ("links", "facts", "found", "measure", "period", "role", "all three")
    console.print(f"{header[0]:<11}" + "".join(f"{h:>10}" for h in header[1:]), highlight=False, soft_wrap=True)
    for t, c in counts.items():
        console.print(f"{t:<11}{c.facts:>10}" + "".join(f"{x:>10.3f}" for x in c.shares().values()),
                      highlight=False, soft_wrap=True)


def _show_link(link: dict | None) -> str:
    if link is None:
        return ""
    measure = link.get("measure")
    if isinstance(measure, dict):  # gold: a span
        measure = f"{measure['text']!r} [{measure['start']}:{measure['end']}]"
    elif measure is not None:
        span = f" [{link.get('measure_start')}:{link.get('measure_end')}]" if link.get("measure_start") is not None else ""
        measure = f"{measure!r}{span}"
    return f"measure={measure} period={link.get('period')} role={link.get('role')}"


def print_link_errors(found: list[LinkError], limit: int, console: Console, texts: dict[str, str]) -> None:
    shown: dict[str, int] = {}
    for e in found:
        shown[e.kind] = shown.get(e.kind, 0) + 1
        if shown[e.kind] <= limit:
            fact, text = e.gold["fact"], texts.get(e.doc, "")
            console.print(f"{e.kind:<25} {fact['type']:<10} {e.doc}\n"
                          f"    fact {text[fact['start']:fact['end']]!r} [{fact['start']}:{fact['end']}]\n"
                          f"    gold {_show_link(e.gold)}\n    pred {_show_link(e.pred)}\n    {_context(text, fact)}",
                          highlight=False, markup=False, soft_wrap=True)
    console.print("link errors: " + ", ".join(f"{k} {v}" for k, v in sorted(shown.items())), highlight=False, soft_wrap=True)
