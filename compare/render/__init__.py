"""Renderers: they only read a finished Comparison (briefing context, PDF, HTML, CSV/JSON, terminal)."""
