"""The links of amounts and percentages scored against gold links (ANNOTATION.md, "Linked facts"):
measure, period, role and all three, from a links.jsonl beside the gold; `facts eval` calls it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from flows.evaluation import in_context, overlap, print_by_kind, same_date


def links_beside(gold_path: Path) -> Path | None:
    """The gold links file beside a gold file, when there is one: `gold.jsonl` -> `links.jsonl`,
    `X-gold.jsonl` -> `X-links.jsonl`."""
    if not gold_path.name.endswith("gold.jsonl"):
        return None
    links = gold_path.with_name(gold_path.name.removesuffix("gold.jsonl") + "links.jsonl")
    return links if links.is_file() else None


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


def describe_link_error(e: LinkError, text: str) -> str:
    """The wrong or missed link: its fact, the gold and predicted links, and the fact in context."""
    fact = e.gold["fact"]
    return (f"{e.kind:<25} {fact['type']:<10} {e.doc}\n"
            f"    fact {text[fact['start']:fact['end']]!r} [{fact['start']}:{fact['end']}]\n"
            f"    gold {_show_link(e.gold)}\n    pred {_show_link(e.pred)}\n    {in_context(text, fact)}")


def print_link_errors(found: list[LinkError], limit: int, console: Console, texts: dict[str, str]) -> None:
    print_by_kind(found, lambda e: describe_link_error(e, texts.get(e.doc, "")), limit, console, "link errors")
