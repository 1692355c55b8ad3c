"""A text's time budget kept by a timer signal instead of a `timeout=` on every regex call.

`regex` given `timeout=` reads the process's CPU clock before and after the call: two system
calls, as much as a typical match. In the main thread a timer keeps the budget instead: while
a block is `watched`, SIGALRM comes every TICK seconds, and its handler raises TimeoutError when
the text being extracted is past its deadline. `regex` looks for signals as it matches, so the
error ends a runaway match too; the scan loops keep their own deadline checks
(mentions.past_deadline). Meanwhile `regex_timeout` gives None: no clock reads per call.

Where the timer cannot be used (another thread, no setitimer, or SIGALRM in someone else's
hands) nothing changes: the regex calls keep their `timeout=`.
"""
from __future__ import annotations

import math
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from extractors.mentions import cpu_deadline_for, over_budget, watch_thread

TICK = 0.25  # seconds between two looks at the deadline: a runaway text ends at most this late


class _Watchdog:
    """The SIGALRM handler of a `watched` block, and the deadline of the text being extracted."""

    def __init__(self) -> None:
        self.deadline = math.inf  # time.thread_time() by which the current text must be done
        self.text = ""

    def __call__(self, signum, frame) -> None:
        if time.thread_time() > self.deadline:  # the handler runs in the watched (main) thread
            self.deadline = math.inf  # once
            raise over_budget(self.text)

    def watching(self, text: str) -> _Watchdog:
        """`with dog.watching(text):` around the extraction of `text` (no system call)."""
        self.deadline, self.text = cpu_deadline_for(text), text
        return self

    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc) -> None:
        self.deadline, self.text = math.inf, ""  # a tick after this is ignored


class _Unwatched:
    """`watching` without a timer: the regex calls keep their `timeout=`."""

    def watching(self, text: str) -> _Unwatched:
        return self

    def __enter__(self) -> None:
        pass

    def __exit__(self, *exc) -> None:
        pass


@contextmanager
def watched() -> Iterator[_Watchdog | _Unwatched]:
    """A block in which `with dog.watching(text):` bounds the extraction of each text.

    The handler is installed and the timer started once for the block (a batch of texts),
    and put back as they were after it; `watching` a text only sets its deadline.
    """
    if not (threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
            and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)):
        yield _Unwatched()
        return
    dog = _Watchdog()
    signal.signal(signal.SIGALRM, dog)
    watch_thread(threading.get_ident())
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield dog
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        watch_thread(0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
