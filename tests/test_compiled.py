"""The mypyc-compiled extractors (setup.py) against their sources (extractors/compiled.py).

Compiled modules must find exactly what the plain Python ones find, and an edited source must
never be shadowed by a compiled module built from an older version of it.
"""
from __future__ import annotations

import os
import pickle
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import extractors
import test_amounts
import test_dates
import test_percentages

ROOT = Path(__file__).parents[1]
needs_compiled = pytest.mark.skipif(not extractors.COMPILED, reason="the extractors are not compiled here")


def _sentences() -> list[str]:
    """Every sentence of the extractor test tables (pytest.param rows too)."""
    tables = (test_amounts.AMOUNTS, test_amounts.NOT_AMOUNTS, test_dates.CASES, test_dates.NEGATIVES,
              test_percentages.PERCENTAGES, test_percentages.NOT_PERCENTAGES)
    return [getattr(row, "values", row)[1] for table in tables for row in table]


def _texts() -> list[str]:
    """The seed documents, the test sentences, and seeded shuffles of their words (new contexts)."""
    sentences = _sentences()
    words = " ".join(sentences).split()
    rng = random.Random(7)
    shuffles = [" ".join(rng.choices(words, k=rng.randint(5, 60))) for _ in range(300)]
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return [*seeds, *sentences, " ".join(sentences), *shuffles]


_DUMP = """
import pickle, sys
from datetime import date
import extractors
texts = pickle.load(sys.stdin.buffer)
found = [[repr(m) for m in extractors.extract(t, date(2010, 3, 3))] for t in texts]
sys.stdout.buffer.write(pickle.dumps((extractors.COMPILED, found)))
"""


@needs_compiled
def test_compiled_extractors_find_what_the_sources_find():
    texts = _texts()
    here = [[repr(m) for m in extractors.extract(t, date(2010, 3, 3))] for t in texts]
    env = {**os.environ, "FACTFLOW_PURE_PYTHON": "1"}
    run = subprocess.run([sys.executable, "-c", _DUMP], input=pickle.dumps(texts), capture_output=True,
                         env=env, cwd=ROOT, check=True)
    compiled, there = pickle.loads(run.stdout)
    assert compiled is False  # the other side really ran the sources
    assert sum(map(len, here)) > 300
    for text, mine, theirs in zip(texts, here, there):
        assert mine == theirs, text


@needs_compiled
def test_compiled_mentions_pickle_as_worker_processes_send_them():
    mentions = extractors.extract("Sales rose 5% to $3.2bn on March 3, 2010.", date(2010, 3, 3))
    assert [type(m) for m in mentions] == [extractors.PercentageMention, extractors.AmountMention,
                                           extractors.DateMention]
    assert pickle.loads(pickle.dumps(mentions)) == mentions


def _import_copy(folder: Path, **env: str) -> subprocess.CompletedProcess:
    code = "import extractors; print(extractors.COMPILED, extractors.dates.scan.__file__)"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=folder,
                          env={**os.environ, **env}, check=True)


@needs_compiled
def test_an_edited_source_runs_instead_of_its_stale_compiled_module(tmp_path):
    shutil.copytree(Path(extractors.__file__).parent, tmp_path / "extractors",
                    ignore=shutil.ignore_patterns("__pycache__"))
    fresh = _import_copy(tmp_path)
    assert fresh.stdout.split()[0] == "True" and "changed since" not in fresh.stderr

    with open(tmp_path / "extractors" / "numbers.py", "a", encoding="utf-8") as source:
        source.write("# an edit\n")
    stale = _import_copy(tmp_path)
    assert stale.stdout.split() == ["False", str(tmp_path / "extractors" / "dates" / "scan.py")]
    assert "changed since they were compiled" in stale.stderr


@needs_compiled
def test_factflow_pure_python_runs_the_sources():
    run = _import_copy(ROOT, FACTFLOW_PURE_PYTHON="1")
    assert run.stdout.split() == ["False", str(ROOT / "extractors" / "dates" / "scan.py")]
    assert "changed since" not in run.stderr
