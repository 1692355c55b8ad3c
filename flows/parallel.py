"""Worker processes for CPU-bound extraction, shared by the tasks of one flow run.

Extraction is pure Python, so threads would share one core. Prefect's own process task runner
makes each worker process start its own Prefect client (and, without PREFECT_API_URL, its own
temporary server: 10-20 s), so the tasks stay in the flow's threads and hand the work to a
plain process pool that imports only the pipeline's modules.

The workers are forked from a fork server that imported `flows.processing` once. Spawned
workers would each import the flow's `__main__` module again (for `facts run`, the CLI and with
it Prefect: ~3 s of CPU a worker here), and a plain fork would copy the flow's threads.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None


def _exit_with_parent() -> None:
    """In a worker: end when the flow process is gone, even if it was killed (SIGKILL).

    The worker's parent process is the fork server, which lives on while workers do; the
    sentinel of `parent_process()` is a pipe from the flow process, at its end once it is gone.
    """
    flow = multiprocessing.parent_process()

    def watch() -> None:
        if flow is not None:
            flow.join()
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _context() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["flows.processing"])
    return context


def start_fork_server() -> None:
    """Start the fork server now. It returns at once: the server's imports (~0.5 s here) then
    overlap whatever the caller does next (finding the documents) instead of delaying the first
    batch. The server stays for the life of this process (later runs' workers come from it too)."""
    _context()
    multiprocessing.forkserver.ensure_running()


@contextmanager
def worker_processes(n: int) -> Iterator[None]:
    """Within this block, `in_worker` runs functions in one of `n` processes (n <= 1: inline)."""
    global _pool
    if n <= 1:
        yield
        return
    _pool = ProcessPoolExecutor(max_workers=n, mp_context=_context(), initializer=_exit_with_parent)
    try:
        yield
    finally:
        pool, _pool = _pool, None
        pool.shutdown(cancel_futures=True)


def in_worker(fn: Callable[..., T], *args) -> T:
    """fn(*args) in a worker process when a pool is open in this process, else here."""
    return _pool.submit(fn, *args).result() if _pool else fn(*args)
