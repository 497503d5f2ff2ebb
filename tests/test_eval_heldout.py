"""`zhnews eval --heldout`: development and held-out scores side by side, held-out
errors never listed, floors on both."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
PAGE = "rmrb-2026-01-29-p04"

pytestmark = pytest.mark.skipif(not (EXAMPLES / f"{PAGE}.gold.json").exists(), reason="../shared/examples missing")


def _page_with_a_ghost(folder: Path, ghost: str) -> Path:
    """A copy of one example page whose gold names a person the page lacks, so
    the copy has exactly one miss the output could reveal."""
    folder.mkdir()
    shutil.copy(EXAMPLES / f"{PAGE}.txt", folder / f"{PAGE}.txt")
    gold = json.loads((EXAMPLES / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    gold["articles"][0]["people"].append({"name": ghost, "titles": []})
    path = folder / f"{PAGE}.gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def _eval(*args):
    return subprocess.run([sys.executable, "-m", "zhnews.cli", "eval", *args],
                          capture_output=True, text=True, encoding="utf-8")


def test_side_by_side_table_and_heldout_misses_are_never_listed(tmp_path):
    dev = _page_with_a_ghost(tmp_path / "dev", "甲乙丙")
    held = _page_with_a_ghost(tmp_path / "held", "丁戊己")
    r = _eval(str(dev), "--heldout", str(held), "--misses", "people")
    assert r.returncode == 0, r.stderr
    assert "development (1 pages)" in r.stdout and "held-out (1 pages)" in r.stdout
    assert "甲乙丙" in r.stdout          # the development miss is listed
    assert "丁戊己" not in r.stdout      # the held-out one is not
    people = next(line for line in r.stdout.splitlines() if line.startswith("people "))
    cells = people.split()[1:]
    assert cells[:4] == cells[4:] and float(cells[1]) < 1.0   # one ghost missed on each side


def test_json_report_of_heldout_is_blind(tmp_path):
    dev = _page_with_a_ghost(tmp_path / "dev", "甲乙丙")
    held = _page_with_a_ghost(tmp_path / "held", "丁戊己")
    r = _eval(str(dev), "--heldout", str(held), "--json")
    doc = json.loads(r.stdout)
    assert "甲乙丙" in json.dumps(doc["development"], ensure_ascii=False)
    assert "丁戊己" not in json.dumps(doc["heldout"], ensure_ascii=False)
    assert doc["heldout"]["fields"]["people"]["fn"] == 1


def test_heldout_floor_fails_the_run_and_needs_heldout_files(tmp_path):
    dev = _page_with_a_ghost(tmp_path / "dev", "甲乙丙")
    held = _page_with_a_ghost(tmp_path / "held", "丁戊己")
    r = _eval(str(dev), "--heldout", str(held), "--min-heldout", "people=0.99")
    assert r.returncode == 1 and "held-out people" in r.stderr
    r = _eval(str(dev), "--min-heldout", "people=0.99")
    assert r.returncode == 2 and "--heldout" in r.stderr
