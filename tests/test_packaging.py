"""Packaging: one version source, `python -m zhnews`, typed package."""

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import zhnews


def test_one_version_everywhere():
    r = subprocess.run([sys.executable, "-m", "zhnews", "--version"], capture_output=True, text=True)
    assert r.returncode == 0
    assert r.stdout.strip() == f"zhnews {zhnews.__version__}"
    assert importlib.metadata.version("zhnews") == zhnews.__version__


def test_package_is_typed():
    assert (Path(zhnews.__file__).parent / "py.typed").exists()
