"""Renderers: turn claims and reports into text, JSON, Markdown and tables."""
