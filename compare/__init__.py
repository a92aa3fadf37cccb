"""compare-sources: line up news articles about one event and show where their facts differ.

``compare.compare(paths, settings) -> Comparison`` is the library API; it is imported lazily so
that using one stage (say, the number reader) does not load the whole pipeline.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Comparison", "Settings", "compare"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name == "compare":
        from .pipeline import compare

        return compare
    if name == "Comparison":
        from .model import Comparison

        return Comparison
    if name == "Settings":
        from .settings import Settings

        return Settings
    raise AttributeError(name)
