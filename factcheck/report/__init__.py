"""Renderers: turn claims, reports and evaluations into text, JSON, Markdown and tables.

Check reports have one registry of formats (:data:`factcheck.report.formats.RENDERERS`) that the
CLI ``--format``, the web app and batch mode share.
"""
