"""Hostile documents end: each either yields mentions or raises TimeoutError, never hangs, and
stays within a bounded memory.

Each row runs `extract_batch` in the main thread (a watchdog timer bounds each text, and the rule
patterns run on `re`: extractors/watchdog.py, extractors/engines.py) and `extract` in another
thread (where the `regex` calls carry `timeout=`) in its own process under a generous limit,
so a regression shows as a failed test rather than a stuck test run; no assertion is made on
speed. Rows say where they came from.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEGABYTE = 1_000_000
LIMIT_SECONDS = 90  # generous: these end in a few seconds on a busy 2-core machine
PEAK_MB = 400  # a worker's share of the 1 GiB a run may use

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
    # 8 MB of a keyword that is no word of its own: every occurrence a candidate, none an anchor.
    # Held all at once, the candidates took 620 MB; the scan now holds a megabyte's worth.
    "one keyword over and over": f'"dayday" * {8 * MEGABYTE // 6}',
}

_CHILD = """
import sys
import threading
from datetime import date
sys.path.insert(0, {root!r})
from extractors import extract, extract_batch
text = {expression}
if {batch}:
    [outcome] = extract_batch([text], [date(2010, 1, 1)])
else:  # no watchdog in another thread
    outcome = None
    def run():
        global outcome
        try:
            outcome = extract(text, date(2010, 1, 1))
        except Exception as error:
            outcome = error
    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
if isinstance(outcome, TimeoutError):
    print("timeout", end=" ")
elif isinstance(outcome, Exception):
    raise outcome
else:
    print("mentions", len(outcome), end=" ")
# This process's own peak (VmHWM): ru_maxrss would count the RSS of the pytest it was forked from.
print(next(int(line.split()[1]) // 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:")))
"""


@pytest.mark.parametrize("batch", [False, True], ids=["extract in a thread", "extract_batch"])
@pytest.mark.parametrize("expression", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_text_ends(expression: str, batch: bool) -> None:
    code = _CHILD.format(root=str(ROOT), expression=expression, batch=batch)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=LIMIT_SECONDS, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    outcome, *_, peak_mb = done.stdout.split()
    assert outcome in ("timeout", "mentions")
    assert int(peak_mb) < PEAK_MB, f"{peak_mb} MB"
