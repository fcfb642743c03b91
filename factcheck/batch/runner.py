"""Run a batch: stream documents, skip the ones already done, check the rest in parallel, store results.

Work goes out through an executor (this process, a pool of local processes, or a Dask
cluster) with a bounded number of documents in flight, so memory stays flat however large
the archive. Results are written by this process alone, a few documents per transaction.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import __version__
from factcheck.batch.documents import RawDocument, check_inputs, count_documents, iter_documents
from factcheck.batch.results import ResultsDB
from factcheck.batch.work import CHECKED, DocumentOutcome, check_document, warm_up
from factcheck.errors import FactcheckError

COMMIT_EVERY = 25  # documents per transaction (a crash re-checks at most these)


@dataclass(slots=True)
class BatchStats:
    considered: int = 0
    already_done: int = 0
    checked: int = 0
    skipped: int = 0
    claims: int = 0
    flags: int = 0
    words: int = 0
    seconds: float = 0.0
    peak_rss_kb: dict[int, int] = field(default_factory=dict)

    def add(self, outcome: DocumentOutcome) -> None:
        if outcome.status == CHECKED:
            self.checked += 1
            self.claims += len(outcome.claims)
            self.flags += outcome.n_flags
            self.words += outcome.words
        else:
            self.skipped += 1
        self.peak_rss_kb[outcome.worker] = max(self.peak_rss_kb.get(outcome.worker, 0), outcome.peak_rss_kb)

    @property
    def peak_rss_mb(self) -> float:
        return max(self.peak_rss_kb.values(), default=0) / 1024


Progress = Callable[[BatchStats, int | None], None]


def run_batch(
    inputs: list[Path],
    out: Path,
    *,
    jobs: int | None = None,
    dask: str | None = None,
    progress: Progress | None = None,
) -> BatchStats:
    """Check every document of ``inputs`` not yet in ``out``; returns what this run did."""
    from factcheck.evidence.store import open_store

    check_inputs(inputs)
    evidence_version = open_store().version  # built here once, before any worker looks for it
    results = ResultsDB(out)
    jobs = max(1, jobs or os.cpu_count() or 1)
    run_id = results.start_run([str(p) for p in inputs], jobs, dask, evidence_version, __version__)
    stats, total = BatchStats(), count_documents(inputs)
    started, status = time.monotonic(), "interrupted"

    def pending() -> Iterator[RawDocument]:
        for raw in iter_documents(inputs):
            stats.considered += 1
            if results.has(raw.key, raw.content_hash, evidence_version):
                stats.already_done += 1
                continue
            yield raw

    buffer: list[DocumentOutcome] = []
    try:
        with _Executor(jobs, dask, evidence_version) as run:
            last_commit = time.monotonic()
            for outcome in run(pending()):
                buffer.append(outcome)
                stats.add(outcome)
                if len(buffer) >= COMMIT_EVERY or time.monotonic() - last_commit > 1.0:
                    results.write(buffer, run_id, evidence_version)
                    buffer, last_commit = [], time.monotonic()
                stats.seconds = time.monotonic() - started
                if progress:
                    progress(stats, total)
        status = "finished"
    finally:
        results.write(buffer, run_id, evidence_version)
        stats.seconds = time.monotonic() - started
        results.finish_run(run_id, status, round(stats.peak_rss_mb, 1))
        results.close()
    return stats


Runner = Callable[[Iterable[RawDocument]], Iterator[DocumentOutcome]]


class _Executor:
    """The way documents are checked: here (one job), local processes, or a Dask cluster."""

    def __init__(self, jobs: int, dask: str | None, evidence_version: str) -> None:
        self.jobs, self.dask, self.evidence_version = jobs, dask, evidence_version
        self._close: Callable[[], None] = lambda: None

    def __enter__(self) -> Runner:
        if self.dask:
            return self._dask_runner()
        if self.jobs == 1:
            warm_up()
            return lambda docs: (check_document(doc) for doc in docs)
        pool = cf.ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up)
        self._close = lambda: pool.shutdown(wait=True, cancel_futures=True)
        return lambda docs: _bounded(pool.submit, docs, window=self.jobs * 8)

    def _dask_runner(self) -> Runner:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - dask is a dependency
            raise FactcheckError("--dask needs the 'distributed' package (pip install 'dask[distributed]')") from None
        try:
            client = Client(self.dask, timeout="20s")
        except OSError as err:
            raise FactcheckError(f"cannot reach the Dask scheduler at {self.dask} ({err})") from None
        self._close = client.close
        versions = set(client.run(warm_up).values())  # every worker loads the pipeline once, now
        if versions != {self.evidence_version}:
            raise FactcheckError(
                f"the Dask workers' evidence base ({', '.join(sorted(versions))}) differs from this one "
                f"({self.evidence_version}); install the same factcheck and evidence on every worker"
            )
        window = max(8, 8 * sum(client.nthreads().values()))
        return lambda docs: _bounded_dask(client, docs, window)

    def __exit__(self, *exc: object) -> None:
        self._close()


def _bounded(
    submit: Callable[..., cf.Future[DocumentOutcome]], docs: Iterable[RawDocument], window: int
) -> Iterator[DocumentOutcome]:
    """Results as they complete, with at most ``window`` documents in flight."""
    in_flight: set[cf.Future[DocumentOutcome]] = set()
    for doc in docs:
        in_flight.add(submit(check_document, doc))
        if len(in_flight) >= window:
            done, in_flight = cf.wait(in_flight, return_when=cf.FIRST_COMPLETED)
            yield from (future.result() for future in done)
    for future in cf.as_completed(in_flight):
        yield future.result()


def _bounded_dask(client: object, docs: Iterable[RawDocument], window: int) -> Iterator[DocumentOutcome]:
    from distributed import as_completed

    futures = as_completed()
    in_flight = 0
    for doc in docs:
        futures.add(client.submit(check_document, doc, pure=False))  # type: ignore[attr-defined]
        in_flight += 1
        if in_flight >= window:
            yield next(futures).result()
            in_flight -= 1
    for future in futures:
        yield future.result()
