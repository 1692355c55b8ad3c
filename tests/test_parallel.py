"""Worker processes for extraction (flows/parallel.py)."""
import multiprocessing.forkserver
import os

from flows.parallel import in_worker, start_fork_server, worker_processes


def test_workers_come_from_the_fork_server_started_before_the_documents_are_found():
    start_fork_server()
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    assert server is not None
    with worker_processes(2):
        parents = {in_worker(os.getppid) for _ in range(4)}
        workers = {in_worker(os.getpid) for _ in range(4)}
    assert parents == {server}
    assert os.getpid() not in workers


def test_one_worker_means_the_work_runs_here():
    with worker_processes(1):
        assert in_worker(os.getpid) == os.getpid()
