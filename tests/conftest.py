"""Shared fixtures: the seeds run once through the real CLI into a temporary folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compare.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = json.loads((ROOT / "tests" / "data" / "gold.json").read_text(encoding="utf-8"))

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Outputs of `compare-sources report seeds/` (the README demo), with a fixed generation time."""
    out = tmp_path_factory.mktemp("report") / "seeds-briefing.pdf"
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", "1700000000")
    code = main(["report", str(SEEDS), "-o", str(out)])
    mp.undo()
    assert code == 0
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    return {"pdf": out, "json": data, "dir": out.parent}


@pytest.fixture(scope="session")
def seeds_json(seeds_run: dict) -> dict:
    return seeds_run["json"]
