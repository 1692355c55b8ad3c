"""Worker processes for CPU-bound extraction, shared by the tasks of one flow run.

Extraction is pure Python, so threads would share one core. Prefect's own process task runner
makes each worker process start its own Prefect client (and, without PREFECT_API_URL, its own
temporary server: 10-20 s), so the tasks stay in the flow's threads and hand the work to a
plain process pool that imports only the pipeline's modules.

The workers are forked from a fork server that imported `flows.processing` once. Spawned
workers would each import the flow's `__main__` module again (for `facts run`, the CLI and with
it Prefect, for each worker), and a plain fork would copy the flow's threads.

A worker that dies (the OOM killer, a crash in a C extension, a kill) breaks the whole pool: every
call in it fails. The pool is then replaced, and each of those calls is tried once more in a
process of its own, so that a second death is that call's own: `WorkerDied`.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.connection import Connection
from typing import TypeVar

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_workers = 0  # the size of _pool, for its replacement
_pool_lock = threading.Lock()  # the threads that see a pool break replace it once


class WorkerDied(RuntimeError):
    """The worker process running a call died, and so did the process of its own that tried it again."""

    def __init__(self, how: str):
        super().__init__(how)
        self.how = how  # "killed by signal 9", "exited with code 1"

    def __str__(self) -> str:
        return f"the worker process died ({self.how})"


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
    global _pool, _workers
    if n <= 1:
        yield
        return
    with _pool_lock:
        _pool, _workers = _new_pool(n), n
    try:
        yield
    finally:
        with _pool_lock:
            pool, _pool = _pool, None
        pool.shutdown(cancel_futures=True)


def _new_pool(n: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=n, mp_context=_context(), initializer=_exit_with_parent)


def in_worker(fn: Callable[..., T], *args) -> T:
    """fn(*args) in a worker process when a pool is open in this process, else here.

    When a worker dies, the call is tried again in a process of its own; raises WorkerDied if that
    one dies too."""
    pool = _pool
    if pool is None:
        return fn(*args)
    try:
        return pool.submit(fn, *args).result()
    except BrokenProcessPool:
        _replace(pool)
    return _alone(fn, *args)


def _replace(broken: ProcessPoolExecutor) -> None:
    """Open a new pool in place of a broken one, once however many threads saw it break."""
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = _new_pool(_workers)
    broken.shutdown(wait=False)


def _alone(fn: Callable[..., T], *args) -> T:
    """fn(*args) in a process of its own: if that process dies, the call is what killed it (or
    what the OOM killer chose)."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_send_result, args=(sender, fn, args), daemon=True)
    process.start()
    sender.close()  # else the receiver would never see the end of the pipe when the process dies
    try:
        succeeded, value = receiver.recv()
    except EOFError:
        process.join()
        raise WorkerDied(_ending(process.exitcode)) from None
    finally:
        receiver.close()
    process.join()
    if succeeded:
        return value
    raise value


def _send_result(sender: Connection, fn: Callable, args: tuple) -> None:
    """In a process of its own: send (True, fn(*args)), or (False, the exception it raised)."""
    _exit_with_parent()
    try:
        result = True, fn(*args)
    except BaseException as error:
        error.add_note(traceback.format_exc())  # the traceback is lost on the way back
        result = False, error
    sender.send(result)


def _ending(exitcode: int | None) -> str:
    """How a process ended, from its exit code."""
    return f"killed by signal {-exitcode}" if exitcode and exitcode < 0 else f"exited with code {exitcode}"
