"""The CLI as a person types it: stderr is a terminal, so progress bars and summaries are on.

The other CLI tests capture stderr through a pipe, where no bar is drawn; a crash that only
happens with a bar on (tqdm objects without a total refuse bool()) slipped past them."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
ARCHIVE = ROOT.parent / "shared" / "data" / "rmrb-2026-01-unlabeled.jsonl"


def run_in_terminal(*args: str, timeout: float = 180) -> tuple[int, str]:
    """Run `zhnews ARGS` with stderr (and stdin) on a pseudo-terminal; return exit code and what the
    terminal showed. stdout stays a pipe-free file descriptor so the tests can also use it."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "zhnews.cli", *args], stdin=slave, stderr=slave,
                            stdout=subprocess.DEVNULL, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    os.close(slave)
    shown = bytearray()
    while True:  # drain the terminal, or a chatty bar fills its buffer and blocks the child
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed its end
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return proc.wait(timeout=timeout), shown.decode("utf-8", "replace")


def _records(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "archive.jsonl"
    with open(ARCHIVE, encoding="utf-8") as fh:
        path.write_text("".join(line for _, line in zip(range(n), fh)), encoding="utf-8")
    return path


def test_several_inputs_on_a_terminal(tmp_path):
    out = tmp_path / "out.jsonl"
    pages = sorted(str(p) for p in EXAMPLES.glob("*.txt"))[:3]
    code, shown = run_in_terminal("extract", *pages, "--format", "jsonl", "-o", str(out))
    assert "Traceback" not in shown, shown
    assert code == 0, shown
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert "3 pages extracted" in shown


def test_a_folder_and_a_file_on_a_terminal(tmp_path):
    out = tmp_path / "out.jsonl"
    code, shown = run_in_terminal("extract", str(ROOT / "examples"), str(sorted(EXAMPLES.glob("*.txt"))[0]),
                                  "--jobs", "1", "-o", str(out))
    assert "Traceback" not in shown, shown
    assert code == 0, shown
    assert out.stat().st_size > 0


def test_jsonl_archive_on_a_terminal(tmp_path):
    out = tmp_path / "out.jsonl"
    archive = _records(tmp_path, 6)
    code, shown = run_in_terminal("extract", str(archive), "-o", str(out))
    assert "Traceback" not in shown, shown
    assert code == 0, shown
    piped = subprocess.run([sys.executable, "-m", "zhnews.cli", "extract", str(archive)], capture_output=True,
                           cwd=ROOT, timeout=180)
    assert out.read_bytes() == piped.stdout and len(piped.stdout.splitlines()) >= 5  # the bar changes nothing


def test_ingest_and_search_on_a_terminal(tmp_path):
    db = str(tmp_path / "kb.db")
    code, shown = run_in_terminal("ingest", str(_records(tmp_path, 4)), "--db", db)
    assert "Traceback" not in shown, shown
    assert code == 0, shown
    code, shown = run_in_terminal("search", "中国", "--db", db)
    assert "Traceback" not in shown, shown
    assert code == 0, shown


def test_errors_are_written_above_the_progress_bar(tmp_path):
    """A failed input's message goes on a line of its own, not glued to the bar's
    line ("0page [00:00, ?page/s]zhnews: …")."""
    out = tmp_path / "out.jsonl"
    code, shown = run_in_terminal("extract", str(_records(tmp_path, 40)), str(tmp_path / "missing.txt"),
                                  "-o", str(out))
    assert code == 2, shown
    lines = shown.replace("\r", "\n").splitlines()
    failed = [x for x in lines if "missing.txt: no such file or folder" in x]
    assert failed and all(x.startswith("zhnews: ") for x in failed), shown
