"""Golden output: every mention the extractors find in the seed documents, in the sentences of the
test tables (negatives too) and, when it is present, in the development corpus, as stored in
tests/golden/ for one EXTRACTOR_VERSION.

Output that changes while EXTRACTOR_VERSION stays the same fails: stored documents are extracted
again only when the version changes. After a deliberate change: bump EXTRACTOR_VERSION
(extractors/__init__.py), add its entry to extractors/CHANGELOG.md, then, from the repo root:
    .venv/bin/python tests/test_golden.py
which rewrites the golden files (it refuses while output changed under an unchanged version).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import test_amounts
import test_case
import test_dates
import test_not_facts
import test_percentages
from extractors import EXTRACTOR_VERSION, Mention, extract, find_dateline

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
CHANGELOG = ROOT / "extractors" / "CHANGELOG.md"
CORPORA = ROOT.parent / "shared" / "corpora"  # beside the checkout in development; not in a clean clone
MEANTIME = CORPORA / "meantime-dev" / "docs"
REGENERATE = ".venv/bin/python tests/test_golden.py"
Record = dict[str, Any]


def mention_record(m: Mention) -> Record:
    """Every field of the mention but the empty ones; Decimal and date as their text."""
    record: Record = {"type": m.type}
    for field in fields(m):
        value = getattr(m, field.name)
        if field.name != "type" and value is not None:
            record[field.name] = value if isinstance(value, (int, str)) else str(value)
    return record


def sentence_records() -> list[Record]:
    """One record for each (sentence, reference date) of the test tables (amounts, percentages, every
    date table, the case rows and the not-facts rows): every row their tests run,
    negatives and known gaps too (date rows carry their reference date; the others have none)."""
    rows = (*test_amounts.EXAMPLES, *test_percentages.EXAMPLES, *test_dates.ALL_ROWS, *test_case.CASES)
    texts = {(row.sentence, getattr(row, "reference", None)) for row in rows}
    texts |= {(row.text, None) for row in test_not_facts.EXAMPLES}
    return [{"text": text, "reference_date": reference and reference.isoformat(),
             "mentions": [mention_record(m) for m in extract(text, reference)]} for text, reference in texts]


def document_records(folder: Path, names_from: Path, quote: bool = True) -> list[Record]:
    """One record for each .txt document: its reference date as the flow takes it (sidecar, else dateline).
    Without `quote`, mentions keep their spans but not their text (a corpus not ours to copy)."""
    records = []
    for path in sorted(folder.rglob("*.txt")):
        data = path.read_bytes()
        text = data.decode("utf-8")
        sidecar = path.with_name(path.stem + ".meta.json")
        published = json.loads(sidecar.read_bytes()).get("published") if sidecar.exists() else None
        dateline = find_dateline(text)
        reference = date.fromisoformat(published) if published else dateline and dateline[0]
        records.append({
            "document": path.relative_to(names_from).as_posix(), "sha256": hashlib.sha256(data).hexdigest(),
            "published": published, "dateline": dateline and [dateline[0].isoformat(), dateline[1], dateline[2]],
            "mentions": [{k: v for k, v in mention_record(m).items() if quote or k != "text"}
                         for m in extract(text, reference)],
        })
    return records


# golden file name -> (the records, whether their inputs are here)
SETS: dict[str, tuple[Callable[[], list[Record]], Callable[[], bool]]] = {
    "seeds-and-tables": (lambda: document_records(ROOT / "seeds", ROOT) + sentence_records(), lambda: True),
    "meantime-dev": (lambda: document_records(MEANTIME, CORPORA, quote=False), MEANTIME.is_dir),
}


def read_golden(name: str) -> tuple[str, list[Record]]:
    """The extractor version the golden file was made with, and its records."""
    header, *lines = (GOLDEN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return json.loads(header)["extractor_version"], [json.loads(line) for line in lines]


def write_golden(name: str, records: list[Record]) -> None:
    header = json.dumps({"extractor_version": EXTRACTOR_VERSION, "regenerate": REGENERATE})
    lines = sorted(json.dumps(record, ensure_ascii=False) for record in records)  # sorted: deterministic, diffable
    (GOLDEN / f"{name}.jsonl").write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")


def _key(record: Record) -> str:
    return record.get("document") or json.dumps([record["text"], record["reference_date"]], ensure_ascii=False)


def compare(golden: list[Record], current: list[Record]) -> tuple[list[str], list[str]]:
    """(a report of each text whose output changed, the texts added, removed or edited since)."""
    old, new = {_key(r): r for r in golden}, {_key(r): r for r in current}
    changed, inputs = [], sorted(old.keys() ^ new.keys())
    for key in sorted(old.keys() & new.keys()):
        was, now = old[key], new[key]
        if (was.get("sha256"), was.get("published")) != (now.get("sha256"), now.get("published")):
            inputs.append(key)  # the document itself changed: not the extractors' doing
        elif (was.get("dateline"), was["mentions"]) != (now.get("dateline"), now["mentions"]):
            changed.append(_report(key, was, now))
    return changed, inputs


def _report(key: str, was: Record, now: Record) -> str:
    """The text, then the dateline and each mention only expected (-) or only got (+)."""
    lines = [f"  {key}"]
    if was.get("dateline") != now.get("dateline"):
        lines += [f"    - dateline {was.get('dateline')}", f"    + dateline {now.get('dateline')}"]
    expected, got = ([json.dumps(m, ensure_ascii=False) for m in r["mentions"]] for r in (was, now))
    lines += [f"    - {m}" for m in expected if m not in got] + [f"    + {m}" for m in got if m not in expected]
    return "\n".join(lines)


def changelog_versions() -> list[str]:
    return re.findall(r"^## (\S+)", CHANGELOG.read_text(encoding="utf-8"), re.MULTILINE)


@pytest.mark.parametrize("name", SETS)
def test_golden_output(name: str) -> None:
    records, available = SETS[name]
    if not available():
        pytest.skip(f"{MEANTIME} is not here (it lives beside a development checkout, not in a clean clone)")
    version, golden = read_golden(name)
    changed, inputs = compare(golden, records())
    if changed and version == EXTRACTOR_VERSION:
        pytest.fail(
            f"extractor output changed while EXTRACTOR_VERSION stayed {version}: {len(changed)} of {len(golden)} texts "
            f"in tests/golden/{name}.jsonl differ; the first ones (- expected, + got):\n" + "\n".join(changed[:5]) +
            "\nEither fix the regression, or bump EXTRACTOR_VERSION (extractors/__init__.py), add its entry to "
            f"extractors/CHANGELOG.md and regenerate the golden files from the repo root: {REGENERATE}", pytrace=False)
    if version != EXTRACTOR_VERSION:
        pytest.fail(f"tests/golden/{name}.jsonl was made with EXTRACTOR_VERSION {version}, which is now "
                    f"{EXTRACTOR_VERSION}: regenerate it from the repo root: {REGENERATE}", pytrace=False)
    if inputs:
        pytest.fail(f"the texts changed since tests/golden/{name}.jsonl was made ({len(inputs)} added, removed or "
                    f"edited, e.g. {inputs[:3]}): regenerate it from the repo root (no version bump needed): {REGENERATE}",
                    pytrace=False)


def test_changelog_has_current_version() -> None:
    assert EXTRACTOR_VERSION in changelog_versions(), f"extractors/CHANGELOG.md has no entry '## {EXTRACTOR_VERSION}'"


def main() -> None:
    """Rewrite the golden files whose inputs are here; refuse when output changed under the same version."""
    if EXTRACTOR_VERSION not in changelog_versions():
        sys.exit(f"add an entry '## {EXTRACTOR_VERSION}' to extractors/CHANGELOG.md first")
    made = {name: records() for name, (records, available) in SETS.items() if available()}
    for name, current in made.items():
        if (GOLDEN / f"{name}.jsonl").exists():
            version, golden = read_golden(name)
            changed, _ = compare(golden, current)
            if changed and version == EXTRACTOR_VERSION:
                sys.exit(f"{name}: output changed for {len(changed)} texts while EXTRACTOR_VERSION stayed {version}: "
                         "fix the regression, or bump it and add its entry to extractors/CHANGELOG.md first\n"
                         + "\n".join(changed[:5]))
    GOLDEN.mkdir(exist_ok=True)
    for name, current in made.items():
        write_golden(name, current)
        print(f"tests/golden/{name}.jsonl: {len(current)} texts, EXTRACTOR_VERSION {EXTRACTOR_VERSION}")
    for name in SETS.keys() - made.keys():
        print(f"tests/golden/{name}.jsonl: left as it is (its texts are not here)")


if __name__ == "__main__":
    main()
