"""Streaming extraction: bounded work in flight, input order kept, lazy input, fast page dicts."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psutil
import pytest

import zhnews
from zhnews import batch, work, workers
from zhnews.extraction import extract_record

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
ARCHIVE = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"


def _records(n: int) -> list[dict]:
    with open(ARCHIVE, encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh)]


def test_order_kept_with_workers():
    items = list(range(-300, 300))
    assert list(workers.run_ordered(iter(items), 2, abs)) == [abs(i) for i in items]
    assert list(workers.run_ordered(iter(items), 1, abs)) == [abs(i) for i in items]


def test_at_most_a_window_is_read_ahead():
    consumed = 0

    def source():
        nonlocal consumed
        for i in range(500):
            consumed += 1
            yield i

    window = 2 * workers.IN_FLIGHT_PER_JOB
    for k, _ in enumerate(workers.run_ordered(source(), 2, abs), 1):
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
    for k, n in enumerate(workers.run_ordered(items(), 2, len)):
        total += n
        if k % 100 == 0:
            peak = max(peak, me.memory_info().rss)
    assert total > 3500 * 100_000
    # window × item size is ~5 MB; anything near the input size would be GBs
    assert peak - start < 150 * 2**20


def _line(i: int, data: bytes = b"{}") -> work.WorkItem:
    return work.WorkItem(f"a.jsonl:{i}", "line", path="a.jsonl", lineno=i, data=data)


def test_chunks_group_records_and_isolate_files():
    items = [_line(i) for i in range(70)]
    page = work.WorkItem("page.txt", "file", path="page.txt")
    items.insert(40, page)
    chunks = list(work.chunked(items, records=32))
    assert [len(c) for c in chunks] == [32, 8, 1, 30]
    assert chunks[2] == [page]
    assert [it for c in chunks for it in c] == items  # nothing reordered or lost


def test_chunks_bounded_by_bytes():
    big = b"x" * 100_000
    items = [_line(i, big) for i in range(10)]
    assert [len(c) for c in work.chunked(items, records=32, size=250_000)] == [3, 3, 3, 1]


def test_jsonl_is_read_lazily(tmp_path):
    path = tmp_path / "archive.jsonl"
    recs = _records(3)
    path.write_text(json.dumps(recs[0], ensure_ascii=False) + "\n" + json.dumps(recs[1], ensure_ascii=False)
                    + "\n" + "x" * 10 + "\n", encoding="utf-8")
    pulled = []

    def sources():
        for s in work.find_inputs([str(path), str(path)]):
            pulled.append(s)
            yield s

    it = work.iter_items(sources())
    first = next(it)
    assert first.kind == "line" and json.loads(first.data)["url"] == recs[0]["url"]
    assert first.source == f"{path}#L1" and first.name == f"{path}:1"
    assert len(pulled) == 1  # the second input is not even looked at yet
    assert [i.lineno for i in it] == [2, 3, 1, 2, 3]


def test_raw_lines_are_parsed_by_the_worker_with_the_same_errors(tmp_path):
    path = tmp_path / "archive.jsonl"
    path.write_text("[1, 2]\nnot json\n", encoding="utf-8")
    items = list(work.iter_items(work.find_inputs([str(path)])))
    assert [i.kind for i in items] == ["line", "line"]
    assert batch.extract_one(items[0]) == (f"{path}:1", None, f"{path}:1: not a JSON object")
    assert batch.extract_one(items[1])[2] == f"{path}:2: not a JSON record (JSONDecodeError)"


def test_one_page_identity_rule(tmp_path):
    """The knowledge base keys a record by its URL, else file#Lline, and a
    file by its absolute path; the content hash of a line ignores its
    surrounding white space (issue 16: this rule was written twice)."""
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"url": "http://x/1", "title": "t", "text": "t"}\n  {"title": "t", "text": "t"}  \n')
    one, two = work.iter_items(work.find_inputs([str(path)]))
    work.read_line(one), work.read_line(two)
    assert one.page_source == "http://x/1" and two.page_source == f"{path}#L2"
    import hashlib

    assert two.content_hash() == hashlib.sha256(b'{"title": "t", "text": "t"}').hexdigest()
    page = tmp_path / "p.txt"
    page.write_text("x", encoding="utf-8")
    (item,) = work.iter_items(work.find_inputs([str(page)]), read=True)
    assert item.page_source == str(page.resolve()) and item.content_hash() == hashlib.sha256(b"x").hexdigest()


def test_page_dict_equals_to_dict_on_real_pages():
    pages = [zhnews.extract(p) for p in sorted(EXAMPLES.glob("*.txt"))[:3]]
    for r in _records(15):
        try:
            pages.append(extract_record(r))
        except zhnews.extraction.InputError:
            pass
    assert len(pages) >= 15
    for p in pages:
        fast = p.to_dict()
        assert fast == p.to_dict()
        for art, a in zip(fast["articles"], p.articles):
            assert "offsets" not in art
            assert len(a.offsets) == len(a.text)  # the page itself is not altered


@pytest.mark.parametrize("jobs", [1, 2])
def test_worker_output_is_in_input_order(tmp_path, jobs):
    recs = _records(12)
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = list(batch.extract_many(work.iter_items(work.find_inputs([str(path)])), "jsonl", jobs))
    assert [name for name, _, _ in out] == [f"{path}:{i}" for i in range(1, 13)]
    for (name, text, error), rec in zip(out, recs):
        if text is not None:
            assert json.loads(text)["input"] == rec["url"]


def test_default_jobs_is_every_usable_core():
    assert workers.default_jobs() == len(os.sched_getaffinity(0))
