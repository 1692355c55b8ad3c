"""Hostile documents end: each either yields mentions or raises TimeoutError, and never hangs.

Each row runs `extract` in its own process under a generous limit, so a regression shows as a
failed test rather than a stuck test run; no assertion is made on speed. Rows say where they
came from.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEGABYTE = 1_000_000
LIMIT_SECONDS = 90  # generous: these end in a few seconds on a busy 2-core machine

# id -> Python expression building the text (evaluated in the child process).
HOSTILE_TEXTS = {
    "comma list of ones": f'"1," * {MEGABYTE // 2}',  # the performance brief
    "dollar signs": f'"$" * {MEGABYTE}',  # the performance brief
    "spaced ones": f'"1 " * {MEGABYTE // 2}',  # the performance brief
    "percent list": f'"5% " * {MEGABYTE // 3}',  # each "%" an anchor with a long number run
    "dollar amounts": f'"$1 " * {MEGABYTE // 3}',  # took 17 s before the per-document deadline
    "quarter codes": f'"Q1 " * {MEGABYTE // 3}',
    "year list": f'"2001, " * {MEGABYTE // 6}',
    "month then spaces": f'"March" + " " * {MEGABYTE} + "5"',
    "digit groups": f'"1" + ",111" * {MEGABYTE // 4}',
    "scale words": f'"million " * {MEGABYTE // 8}',
}

_CHILD = """
import sys
from datetime import date
sys.path.insert(0, {root!r})
from extractors import extract
text = {expression}
try:
    mentions = extract(text, date(2010, 1, 1))
except TimeoutError:
    print("timeout")
else:
    print("mentions", len(mentions))
"""


@pytest.mark.parametrize("expression", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_text_ends(expression: str) -> None:
    code = _CHILD.format(root=str(ROOT), expression=expression)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=LIMIT_SECONDS, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[0] in ("timeout", "mentions")
