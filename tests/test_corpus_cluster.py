"""Corpus mode on a real Dask cluster: a scheduler and two workers on 127.0.0.1, one worker killed
mid-run; and a client killed mid-run, then run again. Both must end with the store a local run
makes (same articles, stories, comparisons and rows)."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from compare.corpus.store import Store

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [str(ROOT / "seeds"), *sorted(str(p) for p in (ROOT / "tests/data/devset").iterdir() if p.is_dir())]
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONPATH": str(ROOT)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dask", *args], cwd=ROOT, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _corpus(store: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "compare", "corpus", *INPUTS, "--store", str(store), "-q", *extra],
                            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for(store: Path, sql: str, timeout: float = 120) -> None:
    """Until the query counts at least one row in the store (read while the run writes: WAL)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if store.exists():
            try:
                if sqlite3.connect(store, timeout=1).execute(sql).fetchone()[0]:
                    return
            except sqlite3.OperationalError:  # the schema is not there yet
                pass
        time.sleep(0.05)
    raise AssertionError(f"the run never got to: {sql}")


def _dump(store: Path) -> dict:
    with Store(store) as s:
        return s.dump()


@pytest.fixture(scope="module")
def local_dump(tmp_path_factory: pytest.TempPathFactory) -> dict:
    store = tmp_path_factory.mktemp("local") / "desk.sqlite"
    run = _corpus(store, "--workers", "2")
    assert run.wait(timeout=300) == 0, run.stderr.read() if run.stderr else ""
    return _dump(store)


@pytest.fixture
def cluster() -> Iterator[tuple[str, list[subprocess.Popen]]]:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0")
    time.sleep(2)
    workers = [_start("worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1")
               for _ in range(2)]
    time.sleep(3)
    yield address, workers
    for process in (*workers, scheduler):
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def test_a_worker_killed_mid_run_loses_nothing(cluster, local_dump: dict, tmp_path: Path) -> None:
    address, workers = cluster
    store = tmp_path / "desk.sqlite"
    run = _corpus(store, "--scheduler", address)
    _wait_for(store, "SELECT COUNT(*) FROM articles")  # parsing is under way on both workers
    os.killpg(workers[0].pid, signal.SIGKILL)
    assert run.wait(timeout=300) == 0, run.stderr.read() if run.stderr else ""
    assert _dump(store) == local_dump


def test_a_client_killed_mid_run_resumes_from_the_store(cluster, local_dump: dict, tmp_path: Path) -> None:
    address, _ = cluster
    store = tmp_path / "desk.sqlite"
    run = _corpus(store, "--scheduler", address)
    _wait_for(store, "SELECT COUNT(*) FROM stories WHERE compared_hash IS NOT NULL")  # some stories compared
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=30)
    with Store(store) as s:
        assert s.to_compare(), "the client was killed after the last comparison: the test proves nothing"
    rerun = _corpus(store, "--scheduler", address)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    assert _dump(store) == local_dump
