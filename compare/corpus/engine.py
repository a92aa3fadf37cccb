"""Where corpus tasks run: a Dask ``LocalCluster`` on this machine's cores, or an existing cluster.

Tasks are submitted a few per worker at a time (memory stays bounded for a feed of any size) and
their results come back to the client, the only writer of the store: a worker that dies loses
its task, which Dask runs again elsewhere, never a stored result.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from ..errors import InputError

IN_FLIGHT_PER_WORKER = 4


@contextmanager
def engine(workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A ``distributed.Client``: to ``scheduler`` if given, else to a new local cluster."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="15s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise InputError(scheduler, f"no Dask scheduler answers there ({exc})") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run_all(client: Any, function: Callable[..., Any], tasks: Iterable[tuple], done: Callable[[Any], None],
            failed: Callable[[tuple, BaseException], None]) -> None:
    """Run ``function(*task)`` for every task, at most a few per worker at once; ``done`` gets
    each result as it arrives (in completion order), ``failed`` each task Dask gave up on (its
    workers kept dying): the run goes on, and the next run tries it again."""
    from distributed import as_completed

    limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info().get("workers", {})))
    pending = iter(tasks)
    submitted: dict[str, tuple] = {}

    def submit(task: tuple) -> Any:
        future = client.submit(function, *task, pure=False)
        submitted[future.key] = task
        return future

    running = as_completed([submit(task) for task in islice(pending, limit)])
    for future in running:
        task = submitted.pop(future.key)
        try:
            result = future.result()
        except Exception as exc:  # KilledWorker, or a task that raised
            failed(task, exc)
        else:
            done(result)
        future.release()
        for task in islice(pending, 1):
            running.add(submit(task))

