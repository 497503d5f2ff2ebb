"""Streaming extraction: bounded work in flight, input order kept, lazy input, fast page dicts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil
import pytest

import zhnews
from zhnews import batch
from zhnews.extraction import extract_record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
ARCHIVE = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"


def _records(n: int) -> list[dict]:
    with open(ARCHIVE, encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def test_order_kept_with_workers():
    items = list(range(-300, 300))
    assert list(batch.run_ordered(iter(items), 2, abs)) == [abs(i) for i in items]
    assert list(batch.run_ordered(iter(items), 1, abs)) == [abs(i) for i in items]


def test_at_most_a_window_is_read_ahead():
    consumed = 0

    def source():
        nonlocal consumed
        for i in range(500):
            consumed += 1
            yield i

    window = 2 * batch.IN_FLIGHT_PER_JOB
    for k, _ in enumerate(batch.run_ordered(source(), 2, abs), 1):
        # the k-th result is out: at most `window` more items have been taken
        assert consumed <= k + window
    assert consumed == 500


def test_parent_memory_flat_on_a_gigabyte_of_input():
    """1 GB of payload streams through two workers; the parent never holds more than the window."""
    payload = "新" * (100_000)  # 300 KB of UTF-8 per item

    def items():
        for i in range(3500):  # ~1 GB in total
            yield payload + str(i)

    me = psutil.Process()
    start = me.memory_info().rss
    peak = start
    total = 0
    for k, n in enumerate(batch.run_ordered(items(), 2, len)):
        total += n
        if k % 100 == 0:
            peak = max(peak, me.memory_info().rss)
    assert total > 3500 * 100_000
    # window × item size is ~5 MB; anything near the input size would be GBs
    assert peak - start < 150 * 2**20


def test_chunks_group_records_and_isolate_files():
    items = [("line", (f"a.jsonl:{i}", b"{}"), None, None) for i in range(70)]
    items.insert(40, ("file", "page.txt", None, None))
    chunks = list(batch.chunked(items, records=32))
    assert [len(c) for c in chunks] == [32, 8, 1, 30]
    assert chunks[2] == [("file", "page.txt", None, None)]
    assert [it for c in chunks for it in c] == items  # nothing reordered or lost


def test_chunks_bounded_by_bytes():
    big = b"x" * 100_000
    items = [("line", (f"a.jsonl:{i}", big), None, None) for i in range(10)]
    assert [len(c) for c in batch.chunked(items, records=32, size=250_000)] == [3, 3, 3, 1]


def test_jsonl_is_read_lazily(tmp_path):
    path = tmp_path / "archive.jsonl"
    recs = _records(3)
    path.write_text(json.dumps(recs[0], ensure_ascii=False) + "\n" + json.dumps(recs[1], ensure_ascii=False)
                    + "\nnot json\n", encoding="utf-8")
    errors: list[str] = []
    it = batch.iter_work([str(path)], None, None, errors)
    first = next(it)
    assert first[0] == "record" and first[1][1]["url"] == recs[0]["url"]
    assert errors == []  # line 3 not read yet
    rest = list(it)
    assert len(rest) == 1 and errors == [f"{path}:3: not a JSON record (JSONDecodeError)"]


def test_raw_lines_are_parsed_by_the_worker_with_the_same_errors(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("[1, 2]\n", encoding="utf-8")
    errors: list[str] = []
    items = list(batch.iter_work([str(path)], None, None, errors, parse=False))
    assert errors == [] and items[0][0] == "line"
    name, page, error = batch._work(items[0])
    assert page is None and error == f"{path}:1: not a JSON object"


def test_page_dict_equals_to_dict_on_real_pages():
    pages = [zhnews.extract(p) for p in sorted(EXAMPLES.glob("*.txt"))[:3]]
    for r in _records(15):
        try:
            pages.append(extract_record(r))
        except zhnews.extraction.InputError:
            pass
    assert len(pages) >= 15
    for p in pages:
        fast = batch.page_dict(p)
        assert fast == p.to_dict()
        for art, a in zip(fast["articles"], p.articles):
            assert "offsets" not in art
            assert len(a.offsets) == len(a.text)  # the page itself is not altered


@pytest.mark.parametrize("jobs", [1, 2])
def test_worker_output_is_in_input_order(tmp_path, jobs):
    recs = _records(12)
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    errors: list[str] = []
    tasks = (("jsonl", c) for c in batch.chunked(batch.iter_work([str(path)], None, None, errors, parse=False),
                                                 records=5))
    out = [r for results in batch.run_ordered(tasks, jobs, batch._work_rendered) for r in results]
    assert [name for name, _, _ in out] == [f"{path}:{i}" for i in range(1, 13)]
    for (name, text, error), rec in zip(out, recs):
        if text is not None:
            assert json.loads(text)["input"] == rec["url"]


def test_default_jobs_is_every_usable_core():
    assert batch.default_jobs() == len(os.sched_getaffinity(0))
