"""Batch mode: every input format, skipped documents, resume after kill -9, local processes and Dask."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.batch.documents import RawDocument, iter_documents
from factcheck.batch.runner import run_batch
from factcheck.batch.summary import summarize
from factcheck.cli import app
from factcheck.errors import InputError
from factcheck.report.batch import render_html, render_markdown

RELEASED = "ICE released 435,000 convicted criminals onto our streets, a mailer said."
DOCKET = "As of July 21, 2024, 435,719 noncitizens with convictions were on ICE's national docket."
REMOVALS = "In fiscal 2024, ICE carried out 271,484 removals, the agency said."


def _rows(db: Path) -> dict[str, list[tuple]]:
    """The results, without ids, run numbers or timestamps, in a stable order."""
    conn = sqlite3.connect(db)
    documents = conn.execute(
        "select key, content_hash, status, reason, url, title, published, words, claims, flags from documents"
        " order by key"
    ).fetchall()
    claims = conn.execute(
        "select d.key, c.claim_id, c.number_text, c.verdict, c.evidence_id, c.event, c.time_kind from claims c"
        " join documents d on d.id = c.document_id order by d.key, c.claim_id"
    ).fetchall()
    flags = conn.execute(
        "select d.key, c.claim_id, f.code, f.severity from flags f join claims c on c.id = f.claim_id"
        " join documents d on d.id = c.document_id order by d.key, c.claim_id, f.code"
    ).fetchall()
    matches = conn.execute(
        "select d.key, c.claim_id, m.evidence_id, m.score, m.value_fit, m.also_consider from matches m"
        " join claims c on c.id = m.claim_id join documents d on d.id = c.document_id order by d.key, c.claim_id"
    ).fetchall()
    return {"documents": documents, "claims": claims, "flags": flags, "matches": matches}


def _jsonl(path: Path, n: int) -> Path:
    texts = [RELEASED, DOCKET, REMOVALS]
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            text = f"Story {i}. " + texts[i % 3] + f" Officials spoke {i % 7 + 2} times."
            record = {
                "id": f"doc-{i:04d}",
                "text": text,
                # Months from August 2024 on: a story cannot quote a figure published after it (July 21, 2024).
                "published": f"{2024 + (i + 7) // 12}-{(i + 7) % 12 + 1:02d}-15",
                "url": f"https://news.example/{i}",
            }
            handle.write(json.dumps(record) + "\n")
    return path


def _warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        page = (
            "<html><head><title>Docket story</title>"
            '<meta property="article:published_time" content="2024-10-03T09:00:00Z"></head>'
            f"<body><nav>Home | Sections</nav><article><h1>Docket</h1><p>{RELEASED}</p><p>{DOCKET}</p></article>"
            "<footer>Subscribe for $5 a month</footer></body></html>"
        ).encode()
        for uri, body, content_type in [
            ("https://news.example/docket", page, "text/html; charset=utf-8"),
            ("https://news.example/logo.png", b"\x89PNG\x00\x00", "image/png"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)
    return path


def test_folder_of_text_markdown_and_html(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(RELEASED, encoding="utf-8")
    (folder / "sub" / "b.md").write_text(DOCKET, encoding="utf-8")
    (folder / "c.html").write_text(f"<html><body><article><p>{REMOVALS}</p></article></body></html>", encoding="utf-8")
    (folder / "ignored.png").write_bytes(b"\x89PNG")
    stats = run_batch([folder], tmp_path / "r.db", jobs=1)
    assert (stats.checked, stats.skipped) == (3, 0)
    rows = _rows(tmp_path / "r.db")
    assert [d[0] for d in rows["documents"]] == ["a.txt", "c.html", "sub/b.md"]
    assert ("c.html", "c1", "271,484", "consistent", "ice-removals-fy2024", "removal", "period") in rows["claims"]


def test_jsonl_and_csv_feed_published_dates(tmp_path: Path) -> None:
    data = tmp_path / "in.csv"
    with data.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["id", "text", "url", "published", "title"])
        writer.writeheader()
        writer.writerow({"id": "x1", "text": RELEASED + "\nwith a line break", "published": "2024-10-04T08:00:00Z"})
        writer.writerow({"id": "x2", "text": DOCKET, "published": ""})
    run_batch([data, _jsonl(tmp_path / "in.jsonl", 3)], tmp_path / "r.db", jobs=1)
    documents = {d[0]: d for d in _rows(tmp_path / "r.db")["documents"]}
    assert documents["in.csv#x1"][6] == "2024-10-04"
    assert documents["in.csv#x2"][6] is None
    assert documents["in.jsonl#doc-0001"][4] == "https://news.example/1"
    assert len(documents) == 5


def test_warc_pages_yield_their_main_text(tmp_path: Path) -> None:
    run_batch([_warc(tmp_path / "crawl.warc.gz")], tmp_path / "r.db", jobs=1)
    rows = _rows(tmp_path / "r.db")
    (document,) = rows["documents"]  # the image record is not a document
    assert document[2] == "checked"
    assert document[5] in ("Docket", "Docket story")  # the page title or its headline
    assert document[6] == "2024-10-03"  # the page's own date, not the capture date
    assert {c[2] for c in rows["claims"]} == {"435,000", "435,719"}  # no "$5" from the footer


def test_bad_documents_are_skipped_with_reasons(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff")
    (folder / "latin1.txt").write_bytes("Caf\xe9 with 435,000 people".encode("latin-1"))
    (folder / "empty.md").write_text("  \n", encoding="utf-8")
    (folder / "huge.txt").write_bytes(b"435,000 people. " * 400_000)
    (folder / "good.txt").write_text(DOCKET, encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "ok", "text": "' + REMOVALS + '"}\n{"text": "no id"}\nnot json\n', encoding="utf-8")
    stats = run_batch([folder, jsonl], tmp_path / "r.db", jobs=1)
    assert (stats.checked, stats.skipped) == (2, 6)
    reasons = {d[0]: d[3] for d in _rows(tmp_path / "r.db")["documents"] if d[2] == "skipped"}
    assert "binary" in reasons["binary.txt"]
    assert "UTF-8" in reasons["latin1.txt"]
    assert reasons["latin1.txt"].startswith("line 1, column 4:")
    assert "empty" in reasons["empty.md"]
    assert "5 MB" in reasons["huge.txt"]
    assert "no 'id'" in reasons["in.jsonl:2"]
    assert "in.jsonl:3" in reasons


def test_unreadable_inputs_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(iter_documents([tmp_path / "missing.jsonl"]))
    bad_csv = tmp_path / "t.csv"
    bad_csv.write_text("name,body\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="'id' and 'text' columns"):
        list(iter_documents([bad_csv]))
    not_warc = tmp_path / "x.warc"
    not_warc.write_bytes(b"this is not a warc")
    with pytest.raises(InputError, match="WARC"):
        list(iter_documents([not_warc]))


def test_rerun_skips_finished_documents_and_rechecks_changed_ones(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(RELEASED, encoding="utf-8")
    (folder / "b.txt").write_text(DOCKET, encoding="utf-8")
    db = tmp_path / "r.db"
    assert run_batch([folder], db, jobs=1).checked == 2
    again = run_batch([folder], db, jobs=1)
    assert (again.checked, again.already_done) == (0, 2)
    (folder / "b.txt").write_text(REMOVALS, encoding="utf-8")
    changed = run_batch([folder], db, jobs=1)
    assert (changed.checked, changed.already_done) == (1, 1)
    runs = sqlite3.connect(db).execute("select status, documents from runs order by id").fetchall()
    assert runs == [("finished", 2), ("finished", 0), ("finished", 1)]


def test_resume_after_kill_9_checks_every_document_exactly_once(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", 240)
    db = tmp_path / "r.db"
    command = [sys.executable, "-m", "factcheck", "batch", str(data), "--out", str(db), "--jobs", "1", "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            done = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if done >= 50:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = sqlite3.connect(db).execute("select count(*) from documents").fetchone()[0]
    assert 50 <= partial < 240, "the run should have been killed part-way"
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL, timeout=300)
    resumed = _rows(db)
    run_batch([data], tmp_path / "clean.db", jobs=1)
    assert resumed == _rows(tmp_path / "clean.db")
    keys = [d[0] for d in resumed["documents"]]
    assert len(keys) == len(set(keys)) == 240
    statuses = sqlite3.connect(db).execute("select status from runs order by id").fetchall()
    assert statuses == [("running",), ("finished",)]  # the killed run never finished; nothing lost


def test_process_pool_gives_the_same_rows(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", 30)
    run_batch([data], tmp_path / "one.db", jobs=1)
    stats = run_batch([data], tmp_path / "two.db", jobs=2)
    assert stats.checked == 30
    assert _rows(tmp_path / "one.db") == _rows(tmp_path / "two.db")


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::ResourceWarning", "ignore::UserWarning")
def test_dask_local_cluster_gives_the_same_rows_as_one_job(tmp_path: Path) -> None:
    from distributed import LocalCluster

    data = _jsonl(tmp_path / "in.jsonl", 30)
    run_batch([data], tmp_path / "one.db", jobs=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        stats = run_batch([data], tmp_path / "dask.db", dask=cluster.scheduler_address)
    assert stats.checked == 30
    assert _rows(tmp_path / "one.db") == _rows(tmp_path / "dask.db")


def test_report_html_and_markdown(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", 12)
    hostile = tmp_path / "x.jsonl"
    hostile.write_text(json.dumps({"id": "<b>", "title": "<script>alert(1)</script>", "text": RELEASED,
                                   "published": "2025-12-04"}) + "\n", encoding="utf-8")  # fmt: skip  # newest: shown
    run_batch([data, hostile], tmp_path / "r.db", jobs=1)
    summary = summarize(tmp_path / "r.db")
    assert summary.documents == 13
    assert summary.verdicts["misleading"] >= 5
    assert summary.misused[0].evidence_id == "ice-docket-convicted-2024-07-21"
    assert {code for code, _, _ in summary.flags} >= {"stock-as-flow", "custody-mismatch"}
    assert [m for m, _, _ in summary.months][:2] == ["2024-08", "2024-09"]
    page = render_html(summary)
    assert page.count("<svg") == 3
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    memo = render_markdown(summary)
    assert "## Most misused evidence" in memo
    assert "| `stock-as-flow` |" in memo


def test_cli_batch_and_report(tmp_path: Path) -> None:
    data = _jsonl(tmp_path / "in.jsonl", 6)
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(data), "--out", str(tmp_path / "r.db"), "-j", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "6 documents checked" in result.stderr
    report = runner.invoke(app, ["batch", "report", str(tmp_path / "r.db"), "--out", str(tmp_path / "r.md")])
    assert report.exit_code == 0
    assert (tmp_path / "r.md").read_text().startswith("# Batch report")
    missing = runner.invoke(app, ["batch", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "x.db")])
    assert missing.exit_code == 2
    assert "no such file" in missing.stderr


def test_raw_document_hash_is_the_content() -> None:
    one = RawDocument("a", "s", "same text")
    assert one.content_hash == RawDocument("b", "t", b"same text").content_hash


def test_an_unreadable_file_in_a_folder_is_skipped_not_fatal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "locked.txt").write_text(RELEASED, encoding="utf-8")
    (folder / "good.txt").write_text(DOCKET, encoding="utf-8")
    real_open = Path.open

    def refusing_open(self: Path, *args: object, **kwargs: object):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    stats = run_batch([folder], tmp_path / "r.db", jobs=1)
    assert (stats.checked, stats.skipped) == (1, 1)
    reasons = {d[0]: d[3] for d in _rows(tmp_path / "r.db")["documents"] if d[2] == "skipped"}
    assert reasons == {"locked.txt": "cannot be read (Permission denied)"}
