"""`zhnews extract`: JSONL in and out, all cores by default, clear errors, same output whatever --jobs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from zhnews import batch, cli, workers

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
ARCHIVE = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"
PAGE = EXAMPLES / "xinmin-2022-04-03.txt"


def _lines(n: int) -> list[str]:
    with open(ARCHIVE, encoding="utf-8") as fh:
        return [line for _, line in zip(range(n), fh)]


@pytest.fixture
def archive(tmp_path) -> Path:
    """14 real records, a broken line, an array, and a blank line."""
    lines = _lines(14)
    lines.insert(5, "{not json\n")
    lines.insert(9, "[1, 2]\n")
    lines.insert(11, "\n")
    path = tmp_path / "rmrb.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def _zhnews(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", *args], input=stdin,
                          capture_output=True, timeout=120)


def test_jsonl_in_jsonl_out_same_for_any_jobs(archive, tmp_path):
    out1, out2 = tmp_path / "j1.jsonl", tmp_path / "j2.jsonl"
    r1 = _zhnews("--jobs", "1", str(archive), "-o", str(out1))
    r2 = _zhnews("--jobs", "2", str(archive), "-o", str(out2))
    assert r1.returncode == r2.returncode == 2  # some lines are bad: reported, the rest extracted
    assert out1.read_bytes() == out2.read_bytes()
    pages = [json.loads(line) for line in out1.read_text(encoding="utf-8").splitlines()]
    urls = [json.loads(line)["url"] for line in _lines(14)]
    got = [p["input"] for p in pages]
    assert got == [u for u in urls if u in got]  # input order
    assert len(pages) >= 12
    assert all(p["articles"] and p["articles"][0]["text"] for p in pages)
    err = r2.stderr.decode()
    assert f"{archive}:6: not a JSON record (JSONDecodeError)" in err
    assert f"{archive}:10: not a JSON object" in err
    assert "Traceback" not in err


def test_single_page_gives_indented_json():
    r = _zhnews(str(PAGE))
    assert r.returncode == 0
    page = json.loads(r.stdout)
    assert page["input"] == PAGE.name and len(page["articles"]) >= 3


def test_stdin_jsonl_is_streamed_as_records():
    lines = [_lines(4)[i] for i in (0, 1, 3)]  # the third record is a 本版责编 box, refused
    r = _zhnews("-", "--jobs", "2", stdin="".join(lines).encode("utf-8"))
    assert r.returncode == 0, r.stderr.decode()
    pages = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [p["input"] for p in pages] == [json.loads(line)["url"] for line in lines]


def test_stdin_page_text_is_one_page():
    r = _zhnews("-", "--format", "json", stdin=PAGE.read_bytes())
    assert r.returncode == 0, r.stderr.decode()
    page = json.loads(r.stdout)
    assert page["input"] == "-" and len(page["articles"]) >= 3


def test_many_inputs_default_to_jsonl_and_keep_going(archive, tmp_path):
    r = _zhnews(str(PAGE), str(tmp_path / "missing.txt"), str(archive))
    assert r.returncode == 2
    first = json.loads(r.stdout.decode().splitlines()[0])
    assert first["input"] == PAGE.name
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in r.stderr.decode()


def test_jobs_default_is_all_cores(archive, monkeypatch, capsys):
    seen = {}
    real = batch.run_ordered

    def spy(tasks, jobs, fn):
        seen["jobs"] = jobs
        return real(tasks, 1, fn)

    monkeypatch.setattr(batch, "run_ordered", spy)
    assert cli.main(["extract", str(archive)]) == 2
    assert seen["jobs"] == workers.default_jobs()
    assert capsys.readouterr().out.count("\n") >= 12


@pytest.mark.parametrize("argv, message", [
    (["--jobs", "0"], "--jobs 0: must be at least 1"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask"], "--engine dask needs --scheduler"),
    (["--engine", "dask", "--scheduler", "tcp://127.0.0.1:8786"], "--engine dask needs --out DIR"),
])
def test_option_mistakes_are_one_line(argv, message, capsys):
    assert cli.main(["extract", *argv, str(PAGE)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_unwritable_output_is_a_clear_error(capsys, tmp_path):
    assert cli.main(["extract", str(PAGE), "-o", str(tmp_path / "no" / "such" / "dir" / "out.json")]) == 2
    assert "cannot write" in capsys.readouterr().err
