"""Links on news unlike the dev set: probes of our own (articles we wrote, with every amount's and
percentage's link annotated by ANNOTATION.md "Linked facts"), scored as
../shared/tools/score_links.py scores (lenient span, per link, all three).

usage: python benchmarks/links_news.py [--errors]

Each probe: 8 to 14 articles, each with title, published (its reference date), text, and gold
links in text order {figure, measure (its text, the occurrence nearest the figure), period, role}.
probe1 (97 figures) and probe2 (120): results, macro, markets, deals, budgets, commodities; their
errors led rules of 0.4.0 to 0.4.2. Probes 3 to 11 were written by helpers that saw neither the
linker nor its tests: probe3 (132, dense wire) led rules of 0.4.2, probe7 (97, Wikinews-style)
and probe9 (129, dense results and data stories) rules of 0.4.3 to 0.4.5, probe10 (100,
Wikinews-style) rules of 0.4.4, probe11 (129, dense wire with mixed periods) and probe12 (130,
a mix of registers) rules of 0.4.5, probe14 (145: council budget, hospital data, a poll, farm
prices, a court settlement, club finances...), probe16 (146, dense wire), probe17 (149, a mix of
registers), probe18 (143, business wire from India, Japan, Brazil, South Africa...) and probe19
(148, Wikinews-style) rules of 0.4.7; probe21 (148: earnings wire with several periods, central
banks, inflation, retail and jobs data, an election, a poll, a budget, mining, energy), probe23
(147: British, Australian, Indian, Canadian and German business pages, a council vote, a growth
outlook, a court fine, freight, drugs, telecoms) and probe25 (149: a transfer, a school budget, a
bank's quarter, a carmaker's fiscal year, metals, holiday sales, a price cap, a funding round, a
pension fund, hotels, a deficit release, a pay deal), written blind in session 22, rules of 0.4.8;
probe27 (146: a markets wrap, a profit warning, central bank minutes, a budget, an IPO, retail
sales, oil output, a results story by segment, freight rates, a bankruptcy, a rating change, a
wage deal), probe29 (149: a property tax, a university budget, a Christmas trading update, car
sales, a game publisher, jobs, bonds, fund flows, steel, fares, a water price review, a broadcast
deal) and probe31 (149: a copper exporter's trade, a hedge fund's letter, a hospital group, a
restaurant chain, a utility's spending plan, a shipping dividend, loan losses, a down round, a
pension deficit, betting, a smelter's closure, online holiday sales), written blind in session
23, rules of 0.4.9; probe33 (148: a utility's rate case, airline traffic, cocoa, currency
reserves, club accounts, luxury sales by region, a property tax vote, a chip-equipment backlog,
catastrophe losses, housing starts, a shipping dividend, a bond auction), written blind in session
24, rules of 0.4.10;
probe4 (131), probe5 (129), probe6 (130, five dense and five lighter articles), probe8 (100,
Wikinews-style), probe13 (139, a mix of registers with fiscal calendars, written blind in
session 20), probe15 (148: mining, GDP, a bond auction, a pension fund, freight rates...,
written blind in session 21), probe20 (139, a newspaper's business pages, written blind at
the end of session 21 and scored once, after its rules), probe22 (149: a regional business
section, a merger, bank and airline results, housing, club accounts, a university, commodities, a
start-up, trade, council spending, a charity, a market close), probe24 (150: retailer earnings,
central bank minutes, oil, a currency, jobs, a fiscal year's results, a mining deal, hospital
waiting lists, a harvest, box office, a bond sale, consumer confidence) and probe26 (150: a
Wikinews-style annual report, airline traffic, a state budget, inflation, a steel loss,
catastrophe claims, index closes, a bond auction, luxury sales, rents, a telecom merger, farm
subsidies), written blind in session 22, probe28 (147: a harvest, a hospital budget, an
insurer, a price survey, crypto, box office, tourism, transfers, a tariff change, mining output,
pensions, regional jobs), probe30 (146: a brewery, a port, a tourist tax, a currency, a mobile
operator, a bakery chain, national debt, a gold miner, mortgages, a drought, streaming prices, a
builder's order book) and probe32 (148: wine exports, rail fares, a toy maker, a chipmaker's
guidance, a county budget, lottery sales, coffee, a drugmaker, rents, central bank reserves, air
cargo, textiles), written blind in session 23, and probe34 (146: a steelmaker by division,
pump prices, tuition fees, a funding round, hotels, an election poll, pharmacy closures, fishing
quotas, consumer prices by component, holiday trading, a spectrum auction, a public pension fund),
written blind in session 24, are held out (benchmarks/RESULTS.md has their scores;
do not write rules from their errors).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))

from extractors import extract  # noqa: E402
from score import overlap  # noqa: E402  the reference scorers, beside the project
from score_links import measure_right, period_right  # noqa: E402

HERE = Path(__file__).parent / "links_news"


def gold_links(article: dict) -> list[dict]:
    """The article's gold links with character spans: each figure at its next occurrence, each
    measure at its occurrence nearest the figure."""
    text, at, links = article["text"], 0, []
    lower = text.lower()
    for gold in article["gold"]:
        start = text.index(gold["figure"], at)
        at = start + 1
        figure = gold["figure"].lower()
        kind = "percentage" if any(unit in figure for unit in ("%", "percent", "per cent", "pct", "point")) \
            else "amount"
        measure = None
        if gold["measure"]:
            key = gold["measure"].lower()
            found = [k for k in range(len(lower)) if lower.startswith(key, k)]
            best = min(found, key=lambda k: abs(k - start))
            measure = {"start": best, "end": best + len(key), "text": text[best:best + len(key)]}
        links.append({"fact": {"type": kind, "start": start, "end": start + len(gold["figure"])},
                      "measure": measure, "period": gold["period"], "role": gold["role"], "figure": gold["figure"]})
    return links


def predictions(article: dict) -> list[dict]:
    mentions = extract(article["text"], date.fromisoformat(article["published"]))
    return [{"type": m.type, "start": m.start, "end": m.end, "text": m.text, "measure": m.link.measure,
             "measure_start": m.link.measure_start, "measure_end": m.link.measure_end, "period": m.link.period,
             "role": m.link.role, "per": m.link.per} for m in mentions if m.type != "date"]


def score(path: Path, errors: bool) -> None:
    counts = dict(facts=0, found=0, measure=0, period=0, role=0, all=0)
    wrong = []
    for n, article in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        pool = predictions(article)
        for gold in gold_links(article):
            counts["facts"] += 1
            pred = next((p for p in pool if p["type"] == gold["fact"]["type"] and overlap(p, gold["fact"])), None)
            if pred is None:
                wrong.append((n, gold, None, "missed"))
                continue
            pool.remove(pred)
            counts["found"] += 1
            right = {"measure": measure_right(gold["measure"], pred), "period": period_right(gold["period"], pred),
                     "role": gold["role"] == pred["role"]}
            for name, ok in right.items():
                counts[name] += ok
            counts["all"] += all(right.values())
            if not all(right.values()):
                wrong.append((n, gold, pred, ",".join(name for name, ok in right.items() if not ok)))
    n = counts["facts"]
    print(f"{path.stem}: {n} facts  found {counts['found'] / n:.3f}  measure {counts['measure'] / n:.3f}  "
          f"period {counts['period'] / n:.3f}  role {counts['role'] / n:.3f}  all three {counts['all'] / n:.3f}")
    for k, gold, pred, kind in wrong if errors else []:
        measure = gold["measure"] and gold["measure"]["text"]
        got = "" if pred is None else f" | got {pred['measure']!r} {pred['period']} {pred['role']}"
        print(f"  article {k} {gold['figure']!r:32} wrong {kind:20} gold {measure!r} {gold['period']} {gold['role']}{got}")


if __name__ == "__main__":
    for probe in sorted(HERE.glob("*.json")):
        score(probe, "--errors" in sys.argv)
