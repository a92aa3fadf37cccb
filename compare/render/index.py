"""The corpus index page: one self-contained HTML file listing the stories of a store, sortable
and filterable in the browser, each linking to its briefing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import DIFFERENCES
from .report import environment


def render_index(stories: list[dict[str, Any]], store: Path, briefings: Path, index: Path) -> str:
    """``stories`` as :meth:`compare.corpus.store.Store.stories` lists them; a story's link
    points at its HTML briefing when one was written, else the row gives the command that writes it."""
    rows = []
    for story in stories:
        kinds = json.loads(story["kinds"]) if story["kinds"] else {}
        html = briefings / f"{story['id']}.html"
        rows.append({**story, "kinds": kinds, "compared": story["compared_hash"] is not None,
                     "href": _relative(html, index.parent) if html.exists() else None,
                     "command": f"compare-sources corpus --store {store} --briefing {story['id']}"})
    return environment().get_template("index.html.j2").render(
        stories=rows, store=store.name, kinds=DIFFERENCES,
        conflicts=sum(r["kinds"].get("conflict", 0) for r in rows))


def _relative(path: Path, start: Path) -> str:
    try:
        return path.resolve().relative_to(start.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_uri()
