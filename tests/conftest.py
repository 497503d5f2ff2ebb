"""Shared test fixtures: the real example pages beside the repository."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
REPO_EXAMPLES = ROOT / "examples"


def load_script(relpath: str):
    """A benchmark or script of the repository (not a package) as a module: its folder goes on
    sys.path for the sibling scripts it imports, and the module into sys.modules, where
    dataclasses look their module up."""
    path = ROOT / relpath
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def example_pages() -> list[Path]:
    """Every page with a gold file (../shared/examples), else the bundled copy."""
    if SHARED_EXAMPLES.is_dir():
        return sorted(SHARED_EXAMPLES.glob("*.txt"))
    return sorted(REPO_EXAMPLES.glob("*.txt"))


TRAINING_CORPUS = ROOT.parent / "shared" / "data" / "news-unlabeled.jsonl"


def assert_retrain_reproduces(module: str) -> None:
    """A trained model's script (`python -m MODULE --check`) retrains from the
    corpus and must write exactly the shipped weights; skipped without the corpus."""
    import subprocess
    import sys

    import os
    import tempfile

    if not TRAINING_CORPUS.exists():
        pytest.skip("../shared/data missing")
    # Its own table cache: the run must not depend on what other checkouts or earlier
    # tests left in the user's cache.
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, ZHNEWS_CACHE_DIR=cache)
        r = subprocess.run([sys.executable, "-m", module, "--check"], capture_output=True, text=True, env=env)
    assert r.returncode == 0, r.stdout + r.stderr


def gold_for(page: Path) -> dict | None:
    gold = page.with_name(page.stem + ".gold.json")
    if gold.exists():
        return json.loads(gold.read_text(encoding="utf-8"))
    return None


@pytest.fixture(scope="session")
def shanxi_page() -> Path:
    return REPO_EXAMPLES / "shanxi-daily-2025-03-07.txt"


@pytest.fixture(scope="session")
def extracted_examples():
    """(path, Page, gold) for every example page, extracted once per session."""
    import zhnews

    out = []
    for p in example_pages():
        out.append((p, zhnews.extract(p), gold_for(p)))
    return out
