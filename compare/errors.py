"""Errors a user can fix: the CLI prints them as one line and exits with code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file (or URL, or option) and the problem."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem
