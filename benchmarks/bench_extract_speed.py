"""Characters per CPU-second of `extract`, and of its entities stage alone.

    python benchmarks/bench_extract_speed.py                 # the 人民日报 archive
    python benchmarks/bench_extract_speed.py --cli           # also `zhnews extract --jobs 1` as a fresh process
    python benchmarks/bench_extract_speed.py --corpus X.jsonl --passes 3
    python benchmarks/bench_extract_speed.py --tagger-ab --passes 4   # tagger off / on, alternating

In-process: `extract_record` over every record of the corpus, timed with
`time.process_time()` (CPU seconds: other load on a shared machine moves them
much less than wall time). The first record runs once before timing, so that
imports and lexicon/model loading are not counted; pass 1 starts with cold
per-span caches, as a real single run does, later passes show the warm rate.
The entities stage is timed by wrapping `entities.annotate` where the pipeline
calls it. `--cli` adds what `benchmarks/run.py` measures for the 1-core row:
the whole command in its own process, start-up included.
Characters are counted as run.py counts them: headline + paragraphs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"


def in_process(corpus: Path, passes: int) -> list[tuple[float, float, int]]:
    from zhnews import entities, pipeline
    from zhnews.errors import InputError
    from zhnews.extraction import extract_record

    spent = [0.0]
    inner = entities.annotate

    def timed(article, ctx):
        t = time.process_time()
        inner(article, ctx)
        spent[0] += time.process_time() - t

    pipeline.ANNOTATORS = tuple(timed if a is inner else a for a in pipeline.ANNOTATORS)
    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    chars = sum(len("\n".join([r.get("title") or ""] + [p for p in r.get("paragraphs") or [] if p])) for r in records)
    extract_record(records[0])
    out = []
    for _ in range(passes):
        spent[0] = 0.0
        t = time.process_time()
        for r in records:
            try:
                extract_record(r)
            except InputError:
                pass  # page furniture (本版责编 only): refused, as the CLI does
        out.append((time.process_time() - t, spent[0], chars))
    return out


def count_chars(corpus: Path) -> int:
    """Characters as run.py counts them: headline + paragraphs."""
    return sum(len("\n".join([r.get("title") or ""] + [x for x in r.get("paragraphs") or [] if x]))
               for r in (json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()))


def tagger_ab(corpus: Path, passes: int) -> dict[str, float]:
    """CPU seconds of a whole pass with the entity tagger off and on, passes
    alternating in one process (so both meet the same load on a shared machine),
    min over `passes` of each."""
    import zhnews.entities as ent
    from zhnews.entities import recognizer, tagger
    from zhnews.entities.people import PeopleReader
    from zhnews.errors import InputError
    from zhnews.extraction import extract_record

    records = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    readers = {"off": PeopleReader(recognizer.load()), "on": PeopleReader(recognizer.load(), tagger.load())}
    if os.environ.get("ZHNEWS_PERSON_MODEL") == "1":  # "on" with the candidate classifier (issue 14)
        from zhnews.entities import person_model

        readers["on"].person_model = person_model.load()
    best = dict.fromkeys(readers, float("inf"))
    for rnd in range(passes + 1):  # round 0 warms both readers' caches
        for k, rd in readers.items():
            ent._reader = rd
            t = time.process_time()
            for r in records:
                try:
                    extract_record(r)
                except InputError:
                    pass
            if rnd:
                best[k] = min(best[k], time.process_time() - t)
    ent._reader = None
    return best


def cli_cpu(corpus: Path, repeats: int) -> float:
    """CPU seconds of `zhnews extract --jobs 1` pinned to one core (min of repeats)."""
    best = None
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            ["taskset", "-c", "0", sys.executable, "-m", "zhnews.cli", "extract", "--jobs", "1", str(corpus), "-o", os.devnull],
            cwd=ROOT, stderr=subprocess.DEVNULL, check=False,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        best = cpu if best is None else min(best, cpu)
    return best


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", default=str(CORPUS))
    p.add_argument("--passes", type=int, default=2)
    p.add_argument("--cli", action="store_true", help="also time the CLI as a fresh process (3 runs, min)")
    p.add_argument("--tagger-ab", action="store_true",
                   help="instead: passes with the entity tagger off and on, alternating in one process (min of each)")
    a = p.parse_args()
    corpus = Path(a.corpus)
    if a.tagger_ab:
        best = tagger_ab(corpus, a.passes)
        chars = count_chars(corpus)
        for k, v in best.items():
            print(f"tagger {k}: whole extract {chars / v:,.0f} chars/CPU-s ({v:.2f} s)")
        print(f"the tagger costs {best['on'] - best['off']:.2f} CPU-s, {(best['on'] - best['off']) / chars * 1e6:.2f} µs a character")
        return 0
    for k, (whole, ent, chars) in enumerate(in_process(corpus, a.passes), 1):
        print(
            f"pass {k}: whole extract {chars / whole:,.0f} chars/CPU-s ({whole:.2f} s); "
            f"entities {chars / ent:,.0f} chars/CPU-s ({ent:.2f} s, {ent / whole:.0%} of the whole); "
            f"other stages {chars / (whole - ent):,.0f}"
        )
    if a.cli:
        cpu = cli_cpu(corpus, 3)
        n = count_chars(corpus)
        print(f"zhnews extract --jobs 1 (fresh process, start-up included): {n / cpu:,.0f} chars/CPU-s ({cpu:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
