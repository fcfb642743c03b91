"""Latency of ``POST /api/check`` for a 1,500-word draft, 200 requests over loopback.

Starts ``factcheck serve`` in a subprocess (a real uvicorn server), waits until it answers,
then sends the requests one after another on a keep-alive connection and prints p50, p95
and max. Target: p95 <= 50 ms.

Usage: python benchmarks/api_latency.py [--requests N] [--words N]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import seed_texts


def draft_of(words: int) -> str:
    """The first ``words`` words of the seed texts, paragraphs kept."""
    out, count = [], 0
    for paragraph in "\n\n".join(seed_texts()).split("\n\n"):
        size = len(paragraph.split())
        if count + size > words:
            out.append(" ".join(paragraph.split()[: words - count]))
            break
        out.append(paragraph)
        count += size
    return "\n\n".join(out)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--words", type=int, default=1500)
    args = parser.parse_args()

    import httpx

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--port", str(port)], stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    client.get("/api/rules")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            draft = draft_of(args.words)
            body = {"text": draft, "published": "2025-11-22"}
            for _ in range(10):  # warm up
                client.post("/api/check", json=body).raise_for_status()
            timings, claims = [], 0
            for _ in range(args.requests):
                start = time.perf_counter()
                response = client.post("/api/check", json=body)
                timings.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
                claims = response.json()["summary"]["claims"]
    finally:
        server.terminate()
        server.wait(timeout=10)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"draft: {len(draft.split()):,} words, {claims} claims; {args.requests} sequential requests on loopback")
    print(
        f"p50 {statistics.median(timings):.1f} ms   p95 {p95:.1f} ms   max {timings[-1]:.1f} ms   (target p95 <= 50 ms)"
    )


if __name__ == "__main__":
    main()
