"""The watchdog keeps a text's time budget with a timer signal instead of regex's `timeout=`.

A runaway match must still end in a TimeoutError (for that text only), and the process's signal
state must be left as it was. The runaway pattern backtracks quadratically in `regex`: on this
machine it takes ~12 s on the text below, four times the text's budget (3 s of CPU).
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import regex

import extractors
from extractors import extract_batch
from extractors.mentions import regex_timeout, time_budget
from extractors.watchdog import watched

RUNAWAY = regex.compile(r"((?:ab|a)(?:ba|b)?)*$")
RUNAWAY_TEXT = "ab" * 100_000 + "c"


def test_in_the_main_thread_the_timer_keeps_the_budget_and_is_put_back() -> None:
    assert regex_timeout("text") == time_budget("text")
    with watched() as dog:
        assert signal.getsignal(signal.SIGALRM) is dog
        assert signal.getitimer(signal.ITIMER_REAL)[1] > 0  # ticking
        assert regex_timeout("text") is None  # no clock reads in the regex calls
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert regex_timeout("text") == time_budget("text")


def test_a_runaway_match_ends_in_a_timeout_error() -> None:
    with watched() as dog:
        with pytest.raises(TimeoutError, match="200,001-character text"):
            with dog.watching(RUNAWAY_TEXT):
                RUNAWAY.match(RUNAWAY_TEXT, timeout=regex_timeout(RUNAWAY_TEXT))
        with dog.watching("We met 3 days ago."):  # the next text runs as usual
            assert RUNAWAY.match("abab", timeout=regex_timeout("abab"))


def test_extract_batch_records_the_runaway_text_and_goes_on(monkeypatch) -> None:
    def runaway(text, reference):
        RUNAWAY.match(text, timeout=regex_timeout(text))
        return []

    monkeypatch.setattr(extractors, "_EXTRACTORS", (runaway, *extractors._EXTRACTORS))
    results = extract_batch([RUNAWAY_TEXT, "Sales rose 5% to $3 million."], [None, None])
    assert isinstance(results[0], TimeoutError)
    assert [m.text for m in results[1]] == ["5%", "$3 million"]
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_another_thread_keeps_the_regex_timeout() -> None:
    seen = []

    def work() -> None:
        with watched() as dog, dog.watching("text"):
            seen.append((regex_timeout("text"), signal.getsignal(signal.SIGALRM)))

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [(time_budget("text"), signal.SIG_DFL)]


def test_a_sigalrm_handler_of_someone_else_is_left_alone() -> None:
    def theirs(signum, frame) -> None:
        pass

    previous = signal.signal(signal.SIGALRM, theirs)
    try:
        with watched() as dog, dog.watching("text"):
            assert regex_timeout("text") == time_budget("text")
            assert signal.getsignal(signal.SIGALRM) is theirs
        assert signal.getsignal(signal.SIGALRM) is theirs
    finally:
        signal.signal(signal.SIGALRM, previous)


# A text whose extraction is paused (SIGSTOP) for longer than its budget, then resumed: the clock
# runs on, its CPU time does not. The same text must give the same outcome, paused or not.
PAUSED = textwrap.dedent("""
    import os, signal, sys
    sys.path.insert(0, {root!r})
    import extractors

    def paused(text, reference):
        os.kill(os.getpid(), signal.SIGSTOP)  # the test resumes it after the budget has passed
        return []

    extractors._EXTRACTORS = (paused, *extractors._EXTRACTORS)
    [found] = extractors.extract_batch(["Sales rose 5% to $3 million."], [None])
    print(type(found).__name__ if isinstance(found, Exception) else [m.text for m in found])
""")


def test_the_budget_is_cpu_time_so_a_paused_process_does_not_time_out() -> None:
    child = subprocess.Popen([sys.executable, "-c", PAUSED.format(root=str(Path(__file__).parents[1]))],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while Path(f"/proc/{child.pid}/stat").read_text().split(") ")[1][0] != "T":  # stopped
            assert child.poll() is None and time.monotonic() < deadline, child.stderr.read()
            time.sleep(0.05)
        time.sleep(time_budget("Sales rose 5% to $3 million.") + 1)
        os.kill(child.pid, signal.SIGCONT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert out.strip() == "['5%', '$3 million']", err
