"""Articles and in-article headings on pages with no datelines and no closing
credits (issue 13): commentary, theory pieces, features with section heads.

On such pages nothing but the lines themselves says where one article ends and
the next begins, and the same short unpunctuated line may be a new headline or a
heading inside a long feature ("（一）", "坚持……", "柬埔寨——" before a roundup's
sub-story, "——编  者", a photo credit, a deck line). This set asks for both:
every article found, and every such line kept inside its article.

Records and gold: benchmarks/sections_dev_gold.jsonl (its header says how they
were chosen and read). 22 are news-unlabeled.jsonl records (zypl, jjsh, 光明日报,
CNKI; none a held-out page used, checked here against orgs_recall.heldout_tails;
the line-role models trained on 16 of them: they train on all of
news-unlabeled.jsonl but the held-out and the joins_dev records), 18 are
人民日报 archive records of issue dates the line-role models did not train on.
Pages are printed by the held-out builder (build_pages.render: blank lines, a
share of long paragraphs cut once), PER_PAGE articles of one pool (news / rmrb)
a page, RENDERS arrangements of each half.

Scored: articles (headline P/R/F1), body.bounds, body.joins, false joins (as
zhnews eval), and `headings`: of the gold `inner` lines, the share kept — no
predicted article starts at it (its headline is not that line), and a line
inside the body is in the text of the article its gold article matched.

    python benchmarks/sections_dev.py [--half dev|check|both] [--misses]   # --misses: dev only
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "heldout"))

import build_pages  # noqa: E402
import orgs_recall  # noqa: E402

GOLD = HERE / "sections_dev_gold.jsonl"
RMRB = HERE.parents[1] / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
SEED = 1316
PER_PAGE = (4, 5)  # articles a page, as the brief and the held-out pages (4-6)
RENDERS = 3        # arrangements of each half: other neighbours, other cuts


def key_of(r: dict) -> str:
    return f"{r['source']}|{r.get('date')}|{r['title'].strip()}"


def read_gold() -> list[dict]:
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(ln) for ln in fh if ln.strip() and not ln.startswith("#")]


def load_records() -> dict[str, dict]:
    """Every record the gold may name, by key (news-unlabeled and the archive)."""
    out = {key_of(r): r for rs in build_pages.load().values() for r in rs}
    with RMRB.open(encoding="utf-8") as fh:
        for r in map(json.loads, fh):
            r = {**r, "source": "rmrb", "kicker": None, "subtitle": None}
            out[key_of(r)] = r
    return out


def records(half: str) -> list[tuple[dict, dict]]:
    """(record, gold) pairs of one half, in the gold file's order."""
    recs = load_records()
    tails = orgs_recall.heldout_tails()
    out = []
    for g in read_gold():
        if g["half"] != half:
            continue
        r = recs[g["key"]]
        assert "".join(build_pages.clean_paragraphs(r))[-40:] not in tails, f"held-out record: {g['key']}"
        out.append((r, g))
    return out


def pages(half: str, folder: Path) -> list[tuple[Path, list[dict]]]:
    """Write the pages of one half; (gold path, the gold entries in page order)."""
    pools: dict[str, list[tuple[dict, dict]]] = {}
    for r, g in records(half):
        pools.setdefault("rmrb" if r["source"] == "rmrb" else "news", []).append((r, g))
    rng = random.Random(f"{SEED}-{half}")
    out = []
    for k in range(RENDERS):
        for pool_name in sorted(pools):
            pool = pools[pool_name][:]
            rng.shuffle(pool)
            i = n = 0
            while i < len(pool):
                take = rng.randint(*PER_PAGE)
                chunk = pool[i : i + take]
                i += take
                recs = [r for r, _ in chunk]
                text, articles = build_pages.render(recs, rng)
                for a, (_, g) in zip(articles, chunk):
                    a["body_starts"], a["body_ends"] = g["body_starts"], g["body_ends"]
                name = f"{half}-{k}-{pool_name}-{n}"
                n += 1
                (folder / f"{name}.txt").write_text(text, encoding="utf-8")
                page = {"input": f"{name}.txt", "published": recs[-1]["date"], "outlet": None, "articles": articles}
                path = folder / f"{name}.gold.json"
                path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
                out.append((path, [g for _, g in chunk]))
    return out


def score_headings(golds: list[dict], gold_articles: list[dict], pred_articles: list[dict]) -> tuple[int, int, list[str]]:
    """(kept, total, misses) of the gold `inner` lines of one page."""
    from zhnews.evaluate import match_articles, norm

    match = match_articles(gold_articles, pred_articles)
    unmatched = [norm(p.get("headline")) for j, p in enumerate(pred_articles) if j not in match.values()]
    kept = total = 0
    misses = []
    for i, g in enumerate(golds):
        pred = pred_articles[match[i]] if i in match else None
        text = norm(pred.get("text")) if pred else ""
        for line in g["inner"]:
            total += 1
            t = norm(line["text"])
            split = any(h and (h == t or (len(h) >= 4 and h in t) or (len(t) >= 4 and t in h)) for h in unmatched)
            inside = not line["in_body"] or t in text
            if not split and inside:
                kept += 1
            else:
                why = "starts an article" if split else ("article not found" if pred is None else "not in its article")
                misses.append(f"{why}: {line['text'][:30]} [{g['key'].split('|')[-1][:16]}]")
    return kept, total, misses


def measure(half: str, misses: bool = False) -> dict:
    from zhnews import evaluate

    preds: dict[str, dict] = {}

    def extract(path: str) -> dict:
        preds[path] = evaluate._default_extract(path)
        if hasattr(preds[path], "to_dict"):
            preds[path] = preds[path].to_dict()
        return preds[path]

    with tempfile.TemporaryDirectory() as tmp:
        built = pages(half, Path(tmp))
        report = evaluate.evaluate([str(p) for p, _ in built], extract_fn=extract)
        kept = total = 0
        heading_misses: list[str] = []
        for path, golds in built:
            gold_articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
            pred = preds[str(path.with_name(path.name.replace(".gold.json", ".txt")))]
            k, t, m = score_headings(golds, gold_articles, pred.get("articles") or [])
            kept, total = kept + k, total + t
            heading_misses += [f"{path.name}: {x}" for x in m]
    result = {name: report.fields[name] for name in ("articles", "body.bounds", "body.joins")}
    print(f"sections_dev {half}: {len(built)} pages ({RENDERS} arrangements)")
    for name, s in result.items():
        extra = f"  tp/fp/fn {s.tp}/{s.fp}/{s.fn}" if name == "articles" else ""
        print(f"  {name:<12} {s.value:.3f}  (n={s.n}){extra}")
    print(f"  headings     {kept / total if total else 0:.3f}  ({kept}/{total} in-article lines kept inside)")
    print(f"  false joins  {report.false_joins}")
    if misses:
        if half != "dev":
            print("  (misses are listed for the dev half only)")
        else:
            for name in ("articles", "body.bounds", "body.joins"):
                print(evaluate.format_misses(report, name))
            print(f"\n== misses: headings ({len(heading_misses)})")
            print("\n".join(f"  {m}" for m in heading_misses))
    return {"articles": result["articles"].value, "body.bounds": result["body.bounds"].value,
            "headings": kept / total if total else 0.0, "false_joins": report.false_joins}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--half", choices=("dev", "check", "both"), default="both")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    for half in ("dev", "check") if args.half == "both" else (args.half,):
        measure(half, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
