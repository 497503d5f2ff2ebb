"""Check that a gold file only holds strings its page really contains.

ANNOTATION.md asks every annotator to copy names and phrases character by
character; this is the "few lines of Python" that checks it, for every string
field of every article (whitespace ignored, as the evaluation ignores it).
It runs no part of zhnews: annotation must not see the system's output.

    python benchmarks/heldout/check_gold.py benchmarks/heldout/*.gold.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

WS = re.compile(r"\s+")


def squash(s: str) -> str:
    return WS.sub("", s or "")


def problems(gold_path: Path) -> list[str]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    page = squash((gold_path.parent / gold["input"]).read_text(encoding="utf-8"))
    out: list[str] = []

    def need(s, what: str) -> None:
        if s is None or s == "":
            return
        if not isinstance(s, str):
            out.append(f"{what}: not a string: {s!r}")
        elif squash(s) not in page:
            out.append(f"{what}: not in page: {s!r}")

    for i, a in enumerate(gold.get("articles", [])):
        where = f"article {i + 1} {str(a.get('headline'))[:12]}"
        for key in ("headline", "subheadline", "kicker", "body_starts", "body_ends"):
            need(a.get(key), f"{where} {key}")
        b = a.get("byline") or {}
        need(b.get("dateline"), f"{where} dateline")
        for key in ("reporters", "correspondents"):
            for name in b.get(key) or []:
                need(name, f"{where} {key}")
        for j in a.get("joined") or []:
            need(j, f"{where} joined")
        for p in a.get("people") or []:
            need(p.get("name"), f"{where} person")
            for t in p.get("titles") or []:
                need(t, f"{where} title of {p.get('name')}")
        for o in a.get("organizations") or []:
            if squash(o) not in page:
                out.append(f"{where} organization not in page (allowed only for 山西省委-style expansions): {o!r}")
        for s in a.get("statements") or []:
            if s.get("kind") not in ("answer", "said", "quote"):
                out.append(f"{where} statement kind: {s.get('kind')!r}")
            need(s.get("speaker"), f"{where} speaker")
            need(s.get("starts"), f"{where} statement starts")
            need(s.get("asked_by"), f"{where} asked_by")
        for f in a.get("figures") or []:
            need(f.get("text"), f"{where} figure")
            if not isinstance(f.get("value"), (int, float)):
                out.append(f"{where} figure value not a number: {f!r}")
            need(f.get("indicator"), f"{where} indicator of {f.get('text')}")
        for x in a.get("figures_ignore") or []:
            need(x, f"{where} figures_ignore")
        if a.get("date") is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(a.get("date"))):
            out.append(f"{where} date not YYYY-MM-DD: {a.get('date')!r}")
    return out


def main(paths: list[str]) -> int:
    bad = 0
    for p in paths:
        found = problems(Path(p))
        for line in found:
            print(f"{Path(p).name}: {line}")
        bad += len(found)
    print(f"{len(paths)} gold files, {bad} problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
