"""Facts: numbers, quantities, dates, names and quotes, each with its claim frame (GUIDE §2)."""

from .extract import extract_facts, is_duration

__all__ = ["extract_facts", "is_duration"]
