"""Bad input: one line naming the file and the problem, exit code 2, and no output written."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

SEED = sorted(SEEDS.glob("*.txt"))


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compare", "report", *args, "-o", str(cwd / "out" / "b.pdf")],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def _assert_clean_failure(result: subprocess.CompletedProcess[str], cwd: Path, where: str, problem: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert where in lines[0] and problem in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert not (cwd / "out").exists() or not any((cwd / "out").iterdir())


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    _assert_clean_failure(_run([str(SEED[0]), str(missing)], tmp_path), tmp_path, "nowhere.txt", "no such file")


def test_empty_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    _assert_clean_failure(_run([str(SEED[0]), str(empty)], tmp_path), tmp_path, "empty.txt", "empty")


@pytest.mark.parametrize(("name", "head"), [("page.pdf.txt", b"%PDF-1.7\n"), ("photo.html", b"\x89PNG\r\n\x1a\n")])
def test_binary_file(tmp_path: Path, name: str, head: bytes) -> None:
    binary = tmp_path / name
    binary.write_bytes(head + bytes(range(256)) * 8)
    _assert_clean_failure(_run([str(SEED[0]), str(binary)], tmp_path), tmp_path, name, "not an article")


def test_single_article(tmp_path: Path) -> None:
    _assert_clean_failure(_run([str(SEED[0])], tmp_path), tmp_path, SEED[0].name, "at least two")


def test_the_same_article_twice_is_one_article(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED[0], copy)
    _assert_clean_failure(_run([str(SEED[0]), str(copy)], tmp_path), tmp_path, SEED[0].name, "at least two")
