"""What the command line prints: exit codes, one-line errors, the text view of
a page. Shared by `zhnews` (cli.py) and the runners it starts (batch.py,
distributed.py), so that those import this small module instead of the command
line itself (which imported them back: an import circle).
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAILED = 1  # a check failed (eval below its floor)
EXIT_INPUT = 2  # some input could not be processed


def _err(msg: str) -> None:
    print(f"zhnews: {msg}", file=sys.stderr)


def render_text(page_dict: dict) -> str:
    """A page for a person at a terminal: each article, its byline and facts."""
    out = [f"# {page_dict.get('input') or '<text>'}  published={page_dict.get('published')}  outlet={page_dict.get('outlet')}"]
    for i, a in enumerate(page_dict["articles"], 1):
        out.append("")
        if a.get("kicker"):
            out.append(f"  [引题] {a['kicker']}")
        out.append(f"{i}. {a['headline']}" if a.get("headline") or not a.get("continued")
                   else f"{i}. (continued from another page)")
        if a.get("subheadline"):
            out.append(f"  [副题] {a['subheadline']}")
        for line in a.get("deck") or []:
            out.append(f"  [提要] {line}")
        b = a.get("byline") or {}
        who = "、".join(b.get("reporters") or [])
        corr = "、".join(b.get("correspondents") or [])
        out.append(f"  {b.get('dateline') or ''} {b.get('outlet') or ''} 记者:{who or '-'} 通讯员:{corr or '-'}  date={a.get('date')}")
        body = a.get("text") or ""
        out.append("  " + (body[:160].replace("\n", " ¶ ") + ("…" if len(body) > 160 else "")))
        if a.get("people"):
            out.append("  people: " + "; ".join(
                p["name"] + (f"({'、'.join(p['titles'])})" if p.get("titles") else "") for p in a["people"]))
        if a.get("organizations"):
            out.append("  orgs: " + "; ".join(o["name"] for o in a["organizations"]))
        for s in a.get("statements") or []:
            extra = f" ← {s['asked_by']}: {s['topic']}" if s.get("kind") == "answer" else ""
            out.append(f"  [{s['kind']}] {s.get('speaker') or '?'}{extra}: {s['text'][:60]}…")
        if a.get("figures"):
            out.append("  figures: " + "; ".join(
                f"{f['text']}={f['value']}{f['unit']}" + (f"[{f['indicator']}]" if f.get("indicator") else "")
                for f in a["figures"]))
    return "\n".join(out) + "\n"
