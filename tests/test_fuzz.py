"""Issue 19: ≥ 10,000 generated hostile inputs through the real readers and
extractors, in process, plus one `zhnews extract` pass over a sample: every
input ends as a Page whose offsets hold, or as our one-line error
(ZhnewsError) — never another exception, a traceback, or a run past a time bound.

Inputs (seeded, so a failure can be replayed with ZHNEWS_FUZZ_SEED): random
bytes; windows of the example pages (../shared/examples) mutated at the
character and byte level and encoded as a Chinese user's files are; JSONL
lines of the 人民日报 archive records mutated at the JSON level (wrong types,
missing fields, lone surrogates, deep nesting) and as bytes; e-paper HTML
fixtures cut and garbled; PDFs (a small typeset page and the fixtures)
truncated and bit-flipped. Mostly small inputs, so the whole test stays under
a minute on 2 cores; the time bound per input grows with its size, so a stage
that is super-linear on hostile text shows up on the larger ones.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pymupdf
import pytest

from conftest import example_pages
from test_ingest import article_records
from zhnews.work import parse_line
from zhnews.errors import ZhnewsError
from zhnews.extraction import extract_record
from zhnews.web.onthefly import extract_bytes

REPO = Path(__file__).resolve().parents[1]
FIX = Path(__file__).parent / "fixtures"
N_INPUTS = int(os.environ.get("ZHNEWS_FUZZ_N", 10_000))
SEED = int(os.environ.get("ZHNEWS_FUZZ_SEED", 19))
# Bound on one input: fixed overhead (PDF open, first-use caches, a busy
# shared machine) plus a rate far below linear extraction (~1 s per MB here).
BOUND_BASE_S = 5.0
BOUND_PER_MB_S = 30.0
# Inputs written out for the CLI pass.
CLI_SAMPLE = 150
CLI_TIMEOUT_S = 120

CJK = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"
PUNCT = "，。、；：？！“”‘’（）《》【】—…·\n \u3000\t"
HTML_JUNK = ["<div>", "</div>", "<p>", "</p>", "<script>", "<!--", "-->", "<![CDATA[", "&#xD800;", "&nbsp;",
             "<meta charset=\"gbk\">", "<table>", "<td>", "<br>", "\x00", "<div class=\"article\">", "<h1>", "</h1>"]


def _walk_spans(obj, text: str, bad: list) -> None:
    """Every dict with start/end/text inside an article: text[start:end] == text."""
    if isinstance(obj, dict):
        s, e, t = obj.get("start"), obj.get("end"), obj.get("text")
        if isinstance(s, int) and isinstance(e, int) and isinstance(t, str) and t is not text:
            if text[s:e] != t:
                bad.append((s, e, t[:30]))
        for k, v in obj.items():
            if k != "text":
                _walk_spans(v, text, bad)
    elif isinstance(obj, list):
        for v in obj:
            _walk_spans(v, text, bad)


def check_page(page) -> None:
    d = page.to_dict()
    json.dumps(d, ensure_ascii=False).encode("utf-8")  # what the output write does
    for a in d.get("articles", []):
        bad: list = []
        for k, v in a.items():
            if k != "text":
                _walk_spans(v, a.get("text") or "", bad)
        assert not bad, f"offsets do not hold: {bad[:3]}"


# -- generators ------------------------------------------------------------------------------------------
def mutate_text(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(0, 8)):
        op = rng.random()
        k = rng.randint(0, len(chars))
        if op < 0.3:
            chars[k:k] = rng.choices(PUNCT + CJK[:60], k=rng.randint(1, 6))
        elif op < 0.5 and chars:
            del chars[k : k + rng.randint(1, 20)]
        elif op < 0.65:
            chars[k:k] = [rng.choice(["\ufeff", "\u200b", "\x00", "\x07", "\ud7ff", "\U0001f600", "\u2028", "\r", "�"])]
        elif op < 0.8 and chars:
            j = rng.randint(0, len(chars) - 1)
            chars[k:k] = chars[j : j + rng.randint(1, 40)]  # repeat a stretch
        else:
            chars[k:k] = list(rng.choice(["本报北京1月5日电（记者 ", "答：", "问：", "——", "（完）", "据新华社", "记者",
                                          "主任", "、", "“", "”", "第", "百分之", "亿元", "2026年", "13.5%"]))
    return "".join(chars)


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        if not b:
            b += os.urandom(rng.randint(1, 20))
            continue
        k = rng.randrange(len(b))
        op = rng.random()
        if op < 0.4:
            b[k] ^= 1 << rng.randrange(8)
        elif op < 0.6:
            del b[k : k + rng.randint(1, 64)]
        elif op < 0.8:
            b[k:k] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        else:
            b = b[: k]  # truncate
    return bytes(b)


def encode(rng: random.Random, text: str) -> bytes:
    enc = rng.choice(["utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "big5"])
    return text.encode(enc, errors="replace")


def tiny_pdf(text: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=600)
    page.insert_text((30, 50), text[:18], fontname="china-s", fontsize=20)
    y = 90
    for i in range(0, min(len(text), 400), 22):
        page.insert_text((30, y), text[i : i + 22], fontname="china-s", fontsize=11)
        y += 16
    return doc.tobytes()


def mutate_record(rng: random.Random, rec: dict) -> object:
    rec = dict(rec, paragraphs=[p[: rng.randint(0, 200)] for p in rec.get("paragraphs", [])[: rng.randint(0, 4)]])
    op = rng.random()
    if op < 0.15:
        key = rng.choice(["title", "paragraphs", "date", "url", "text", "outlet", "page"])
        rec[key] = rng.choice([None, 0, 1.5, True, [], {}, ["x", 1], "", "\ud800", "2026-13-45", "x" * 300, {"a": [1]}])
    elif op < 0.25:
        rec.pop(rng.choice(list(rec) or ["x"]), None)
    elif op < 0.32:
        rec["paragraphs"] = [rng.choice([None, 1, "\udc00坏", ["嵌套"], "答：" * 30])] + rec.get("paragraphs", [])
    elif op < 0.36:
        deep: object = "底"
        for _ in range(rng.randint(50, 3000)):
            deep = [deep]
        rec["title"] = deep
    elif op < 0.4:
        return rng.choice([[], "字符串", 123, None, [rec]])
    elif op < 0.5:
        rec["title"] = mutate_text(rng, rec.get("title") or "")
        rec["paragraphs"] = [mutate_text(rng, p) for p in rec.get("paragraphs", []) if isinstance(p, str)]
    return rec


class Corpus:
    def __init__(self):
        self.pages = [p.read_text(encoding="utf-8") for p in example_pages()]
        self.records = article_records(200)
        self.html = [p.read_bytes() for p in sorted((FIX / "html").iterdir())]
        self.pdfs = [tiny_pdf(self.records[i]["title"] + "".join(self.records[i]["paragraphs"])) for i in range(3)]
        self.pdfs += [(FIX / "pdf" / n).read_bytes() for n in ("scanned-page.pdf", "encrypted.pdf")]
        self.big_pdfs = [p.read_bytes() for p in sorted((FIX / "pdf").glob("*.pdf")) if p.stat().st_size > 40000]


def generate(rng: random.Random, c: Corpus, i: int) -> tuple[str, str, object]:
    """(kind, file name, input): kind 'bytes' goes to extract_bytes, 'line' to parse_line + extract_record."""
    r = rng.random()
    if i % 1000 == 999:  # a few larger one-line texts: super-linear stages show here
        page = rng.choice(c.pages).replace("\n", "")
        n = rng.choice([50_000, 150_000])
        return "bytes", "big.txt", mutate_text(rng, (page * (n // len(page) + 1))[:n]).encode("utf-8")
    if r < 0.15:
        return "bytes", rng.choice(["x.txt", "x.bin", "x", "x.html", "x.pdf"]), os.urandom(rng.randint(0, 1500))
    if r < 0.45:
        page = rng.choice(c.pages)
        a = rng.randrange(len(page))
        window = mutate_text(rng, page[a : a + rng.choice([20, 80, 200, 400, 800, 1500])])
        data = encode(rng, window)
        if rng.random() < 0.3:
            data = mutate_bytes(rng, data)
        return "bytes", rng.choice(["rmrb-2026-01-29.txt", "p.txt", "-"]), data
    if r < 0.8:
        rec = mutate_record(rng, rng.choice(c.records))
        try:
            line = json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
        except (RecursionError, ValueError):
            line = b'{"title": ' * 5000
        if rng.random() < 0.2:
            line = mutate_bytes(rng, line)
        return "line", "archive.jsonl", line
    if r < 0.93:
        html = rng.choice(c.html)
        a = rng.randrange(len(html))
        cut = html[: a + rng.randint(0, 3000)] if rng.random() < 0.5 else html[a : a + 3000]
        if rng.random() < 0.6:
            text = cut.decode("utf-8", "replace")
            for _ in range(rng.randint(1, 6)):
                k = rng.randint(0, len(text))
                text = text[:k] + rng.choice(HTML_JUNK) + text[k:]
            cut = text.encode("utf-8", "surrogatepass")
        return "bytes", rng.choice(["p.html", "rmrb-2026-01-29-p04-content.html", "x.htm"]), cut
    pdf = rng.choice(c.pdfs if rng.random() < 0.9 else c.big_pdfs)
    if rng.random() < 0.5:
        pdf = pdf[: rng.randint(0, len(pdf))]
    else:
        pdf = mutate_bytes(rng, pdf)
    return "bytes", "p.pdf", pdf


def run_one(kind: str, name: str, data) -> None:
    if kind == "line":
        try:
            record = parse_line(f"{name}:1", data)
        except ZhnewsError:
            return
        try:
            check_page(extract_record(record, where=f"{name}:1"))
        except ZhnewsError:
            return
        return
    try:
        check_page(extract_bytes(data, name=None if name == "-" else name))
    except ZhnewsError:
        return


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus()


def test_fuzz_in_process(corpus):
    rng = random.Random(SEED)
    failures: list[str] = []
    slow: list[str] = []
    kinds: dict[str, int] = {}
    t_all = time.perf_counter()
    for i in range(N_INPUTS):
        kind, name, data = generate(rng, corpus, i)
        kinds[name.rsplit(".", 1)[-1]] = kinds.get(name.rsplit(".", 1)[-1], 0) + 1
        t0 = time.perf_counter()
        try:
            run_one(kind, name, data)
        except Exception as exc:  # noqa: BLE001 — what the test is for
            failures.append(f"#{i} {kind} {name} {len(data)} B: {type(exc).__name__}: {str(exc)[:160]}")
        took = time.perf_counter() - t0
        if took > BOUND_BASE_S + BOUND_PER_MB_S * len(data) / 1e6:
            slow.append(f"#{i} {kind} {name} {len(data)} B: {took:.1f} s")
    total = time.perf_counter() - t_all
    print(f"fuzz: {N_INPUTS} inputs in {total:.1f} s (seed {SEED}); by kind {kinds}")
    assert not failures, f"{len(failures)} inputs raised (seed {SEED}):\n" + "\n".join(failures[:15])
    assert not slow, f"{len(slow)} inputs over the time bound (seed {SEED}):\n" + "\n".join(slow[:15])


def test_fuzz_cli_sample(corpus, tmp_path):
    """The same kinds of input through `zhnews extract` as files and JSONL lines:
    exit 0 or 2, every stderr line is our one-line message, no traceback."""
    rng = random.Random(SEED + 1)
    lines = []
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(CLI_SAMPLE):
        kind, name, data = generate(rng, corpus, i)
        if kind == "line":
            lines.append(data.replace(b"\n", b" ").replace(b"\r", b" "))
        else:
            stem, _, ext = name.rpartition(".")
            (folder / f"{i:03d}-{stem or name}.{ext or 'txt'}").write_bytes(data)
    (folder / "archive.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    r = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(folder), "--format", "jsonl",
                        "-o", str(tmp_path / "out.jsonl"), "--jobs", "2"],
                       cwd=REPO, capture_output=True, text=True, timeout=CLI_TIMEOUT_S)
    assert r.returncode in (0, 2), r.stderr[-2000:]
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr[-3000:]
    for line in r.stderr.splitlines():
        assert line.startswith("zhnews: ") or line.startswith("  "), line
    # split on \n only: the pages' text may hold U+2028 and other breaks splitlines() cuts at
    for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").split("\n"):
        if line:
            json.loads(line)


# Bodies posted to the server's on-the-fly extraction.
API_SAMPLE = 300


def test_fuzz_api_extract(corpus, tmp_path):
    """The same inputs as request bodies to POST /api/extract (raw, JSON with
    the text, a form upload): never a 500, every response with its headers."""
    from fastapi.testclient import TestClient

    from test_ingest import write_jsonl
    from zhnews.store.ingest import ingest
    from zhnews.web import create_app

    db = tmp_path / "kb.db"
    ingest([str(write_jsonl(tmp_path / "a.jsonl", corpus.records[:5]))], db=str(db), jobs=1, progress=False)
    rng = random.Random(SEED + 2)
    bad = []
    with TestClient(create_app(str(db)), raise_server_exceptions=False) as c:
        for i in range(API_SAMPLE):
            kind, name, data = generate(rng, corpus, i)
            how = rng.choice(["raw", "json", "form"])
            if how == "raw":
                r = c.post("/api/extract", content=data, headers={"content-type": "text/plain"},
                           params={"name": name, "date": rng.choice(["", "2026-01-05", "2026-99-99", "昨天"])})
            elif how == "json":
                body = data if kind == "line" else json.dumps(
                    {"text": data.decode("utf-8", "surrogateescape").encode("utf-8", "surrogatepass").decode(
                        "utf-8", "surrogatepass"), "name": name, "date": rng.choice([None, 5, "2026-01-05"])},
                    ensure_ascii=True).encode()
                r = c.post("/api/extract", content=body, headers={"content-type": "application/json"})
            else:
                r = c.post("/api/extract", files={"file": (name, data)}, data={"date": "", "outlet": "人民日报"})
            if r.status_code >= 500 or "x-content-type-options" not in r.headers:
                bad.append(f"#{i} {how} {kind} {name} {len(data)} B: {r.status_code} {r.text[:150]}")
    assert not bad, "\n".join(bad[:10])
