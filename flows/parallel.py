"""Worker processes for CPU-bound extraction, shared by the tasks of one flow run.

Extraction is pure Python, so threads would share one core. Prefect's own process task runner
makes each worker process start its own Prefect client (and, without PREFECT_API_URL, its own
temporary server: 10-20 s), so the tasks stay in the flow's threads and hand the work to a
plain process pool that imports only the extractors.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None


def _exit_with_parent(parent: int) -> None:
    """In a worker: end when the flow process is gone, even if it was killed (SIGKILL)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


@contextmanager
def worker_processes(n: int) -> Iterator[None]:
    """Within this block, `in_worker` runs functions in one of `n` processes (n <= 1: inline)."""
    global _pool
    if n <= 1:
        yield
        return
    # spawn, not fork: the flow process runs threads (Prefect's), which fork does not copy safely
    _pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"),
                                initializer=_exit_with_parent, initargs=(os.getpid(),))
    try:
        yield
    finally:
        pool, _pool = _pool, None
        pool.shutdown(cancel_futures=True)


def in_worker(fn: Callable[..., T], *args) -> T:
    """fn(*args) in a worker process when a pool is open in this process, else here."""
    return _pool.submit(fn, *args).result() if _pool else fn(*args)
