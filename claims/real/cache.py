#!/usr/bin/env python3
"""The git-ignored cache of real-article texts: what is cached, what is missing, and adding a text.

    python claims/real/cache.py status            # every annotation: cached, missing or changed
    python claims/real/cache.py add DOC_ID FILE   # copy a retrieved text into the cache, checking its hash

The annotations (``claims/real/*.json``) are committed; the texts are third-party and are not.
Each annotation's ``retrieve`` says where its text was read and its SHA-256, so a restored text
can be checked to be the one that was annotated. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def annotations(folder: Path = HERE) -> dict[str, dict]:
    found = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise SystemExit(f"{path}: unreadable annotation ({err})") from None
        found[str(data.get("doc_id", path.stem))] = {**data, "_path": path}
    return found


def text_path(data: dict) -> Path:
    return data["_path"].parent / data["text_file"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def state(data: dict) -> str:
    path = text_path(data)
    if not path.is_file():
        return "missing"
    expected = data.get("retrieve", {}).get("sha256")
    return "cached" if not expected or digest(path) == expected else "changed"


def status(folder: Path) -> int:
    docs = annotations(folder)
    by_state: dict[str, list[str]] = {"cached": [], "missing": [], "changed": []}
    for doc_id, data in docs.items():
        by_state[state(data)].append(doc_id)
    topics = sum(1 for d in docs.values() if d.get("subject") == "off-topic")
    print(
        f"{len(docs)} annotated articles ({topics} off-topic): {len(by_state['cached'])} cached, "
        f"{len(by_state['missing'])} missing, {len(by_state['changed'])} changed"
    )
    for name in ("missing", "changed"):
        for doc_id in by_state[name]:
            data = docs[doc_id]
            query = data.get("retrieve", {}).get("query", "?")
            print(f"  {name}: {doc_id}  {data.get('url')}  (search pages for: {query!r})")
    return 0 if not by_state["changed"] else 1


def add(doc_id: str, source: Path, force: bool) -> int:
    docs = annotations()
    if doc_id not in docs:
        print(f"error: no annotation with doc_id {doc_id!r} in {HERE}", file=sys.stderr)
        return 2
    data = docs[doc_id]
    expected = data.get("retrieve", {}).get("sha256")
    if expected and digest(source) != expected and not force:
        print(f"error: {source} is not the annotated text (SHA-256 differs); --force to add it anyway", file=sys.stderr)
        return 1
    target = text_path(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    print(f"cached {doc_id} -> {target}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="list cached, missing and changed texts")
    adding = commands.add_parser("add", help="put a retrieved text into the cache")
    adding.add_argument("doc_id")
    adding.add_argument("file", type=Path)
    adding.add_argument("--force", action="store_true", help="add even when the hash differs")
    args = parser.parse_args()
    if args.command == "add":
        return add(args.doc_id, args.file, args.force)
    return status(HERE)


if __name__ == "__main__":
    sys.exit(main())
