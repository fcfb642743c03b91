"""Batch-checking archives: read documents, check each with :func:`factcheck.check`, store results.

``documents`` reads folders, JSONL, CSV and WARC archives as a stream; ``work`` is the one
per-document function (the same on local processes and on a Dask cluster); ``results`` is the
SQLite file; ``runner`` ties them together with resume, parallelism and progress; ``summary``
reads a results file back for ``factcheck batch report``.
"""
