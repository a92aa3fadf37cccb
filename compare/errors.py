"""Errors a user can fix: the CLI prints them as one line and exits with code 2."""

from __future__ import annotations

import signal
from pathlib import Path


class InputError(Exception):
    """Bad input: names the file (or URL, or option) and the problem."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


#: Manifests and settings are a few hundred lines at most; anything larger is the wrong file.
MAX_SMALL_FILE_BYTES = 1_000_000


def check_small_file(path: Path, kind: str) -> None:
    """Refuse a FIFO, device or folder (reading one blocks or never ends) and an oversized file."""
    if not path.exists():
        raise InputError(str(path), f"{kind} not found")
    if not path.is_file():
        raise InputError(str(path), f"is not a regular file ({kind} must be a TOML file)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read {kind}: {exc.strerror or exc}") from None
    if size > MAX_SMALL_FILE_BYTES:
        raise InputError(str(path), f"is {size:,} bytes, over {MAX_SMALL_FILE_BYTES:,}: not a {kind} file")


class Stopped(BaseException):
    """SIGINT, SIGTERM or SIGHUP arrived: unwind (no ``except Exception`` swallows it), so
    temporaries and new folders are removed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_pending: list[int] = []  # stop signals received in this run


def stop(signum: int, _frame: object) -> None:
    """The stop signals' handler. The signal is also remembered: when it lands while a destructor
    runs, Python drops the exception, and :func:`honour_stop` raises it again before any output
    replaces a file."""
    _pending.append(signum)
    raise Stopped(signum)


def honour_stop() -> None:
    if _pending:
        raise Stopped(_pending[0])


def forget_stops() -> None:
    _pending.clear()
