"""Article bodies cut from the example pages by their gold `body_starts`/`body_ends`.

Used by bench_entities.py until (and besides) the lead's `zhnews extract`: the body is
the page text between the gold opening and ending, with the gold `joined` paragraph
breaks removed. Gold people/organizations come from the same gold file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples"


def _fuzzy(s: str) -> re.Pattern:
    return re.compile(r"\s*".join(re.escape(c) for c in s if not c.isspace()))


def bodies(examples: Path = EXAMPLES):
    """Yield (file, gold_article, body_text)."""
    for gold_path in sorted(examples.glob("*.gold.json")):
        page = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pos = 0
        for art in gold["articles"]:
            m = _fuzzy(art["body_starts"]).search(page, pos)
            if not m:
                continue
            m2 = _fuzzy(art["body_ends"]).search(page, m.start())
            if not m2:
                continue
            body = page[m.start() : m2.end()]
            for j in art.get("joined", []):
                mj = _fuzzy(j).search(body)
                if mj:
                    body = body[: mj.start()] + j + body[mj.end() :]
            body = re.sub(r"\n\s*\n", "\n", body).strip()
            pos = m2.end()
            yield gold_path.name, art, body
