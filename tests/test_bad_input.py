"""Bad inputs: one line naming the file and the reason, exit code 2, the
other inputs of the run still processed, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZHNEWS = [sys.executable, "-m", "zhnews.cli"]


def run(*args, stdin: bytes | None = None):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([*ZHNEWS, *args], input=stdin, capture_output=True, env=env, cwd=ROOT, timeout=120)


def test_bad_inputs_reported_and_good_ones_processed(tmp_path, shanxi_page):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    english = tmp_path / "english.txt"
    english.write_text("Nothing Chinese here at all.\n" * 30, encoding="utf-8")
    unknown = tmp_path / "latin1.txt"
    unknown.write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e \x80\x81\x82".encode("latin-1") * 50)
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.seek(100 * 1024 * 1024)
        fh.write(b"\n")
    good = tmp_path / "shanxi-daily-2025-03-07.txt"
    good.write_bytes(shanxi_page.read_bytes())
    missing = tmp_path / "missing.txt"

    proc = run("extract", str(binary), str(empty), str(good), str(english), str(unknown), str(huge), str(missing))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = [l for l in err.splitlines() if l.strip()]
    for bad, reason in [
        (binary, "binary"),
        (empty, "empty"),
        (english, "not a Chinese newspaper page"),
        (huge, "too large"),
        (missing, "no such file"),
    ]:
        assert any(str(bad) in l and reason in l for l in lines), (bad, lines)
    assert any(str(unknown) in l for l in lines)
    pages = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
    assert [p["input"] for p in pages] == ["shanxi-daily-2025-03-07.txt"]
    assert len(pages[0]["articles"]) == 2


def test_single_input_prints_json_and_stdin_works(shanxi_page):
    proc = run("extract", str(shanxi_page))
    assert proc.returncode == 0, proc.stderr.decode()
    page = json.loads(proc.stdout)
    assert page["published"] == "2025-03-07" and page["outlet"] == "山西日报"
    proc = run("extract", "-", "--date", "2025-03-07", "--format", "json", stdin=shanxi_page.read_bytes())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["articles"][0]["headline"] == "山西代表团代表接受中外媒体采访"


def test_bad_date_option_is_a_clear_error(shanxi_page):
    proc = run("extract", str(shanxi_page), "--date", "2025-13-45")
    assert proc.returncode == 2
    assert "not a date" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_text_view_is_readable(shanxi_page):
    proc = run("extract", str(shanxi_page), "--format", "text")
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert "山西代表团代表接受中外媒体采访" in out and "记者:杨文" in out


def test_bad_archive_records_are_named_by_file_and_line(tmp_path):
    archive = tmp_path / "archive.jsonl"
    good = {"url": "http://example.cn/a.html", "date": "2026-01-27", "title": "春耕时节看田间",
            "paragraphs": ["本报记者走进田间地头，看到农民正忙着春耕备耕，一派繁忙景象。"]}
    archive.write_text(
        json.dumps(good, ensure_ascii=False) + "\n"
        + "not json\n"
        + json.dumps({"paragraphs": ["abc"]}) + "\n",  # no url, no title, no Chinese
        encoding="utf-8",
    )
    proc = run("extract", str(archive))
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert "Traceback" not in err
    assert f"{archive}:2: not a JSON record" in err
    assert f"{archive}:3: not a Chinese newspaper page" in err  # not "<text>"
    pages = [json.loads(l) for l in proc.stdout.decode().splitlines() if l.strip()]
    assert [a["headline"] for p in pages for a in p["articles"]] == ["春耕时节看田间"]


def test_error_lines_name_the_input_once(tmp_path):
    """"zhnews: /bin/ls: /bin/ls: binary file…" reads like a bug: each command names a bad input once."""
    binary = tmp_path / "page.bin"
    binary.write_bytes(b"\x7fELF\x00\x00\x01" * 50)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    db = str(tmp_path / "kb.db")
    for args in (["extract", str(binary), str(empty)], ["ingest", str(binary), str(empty), "--db", db]):
        r = run(*args)
        assert r.returncode == 2
        lines = [line for line in r.stderr.decode().splitlines() if str(tmp_path) in line]
        assert sorted(lines) == sorted([f"zhnews: {binary}: binary file (NUL bytes), not text",
                                        f"zhnews: {empty}: empty input"]), r.stderr.decode()
