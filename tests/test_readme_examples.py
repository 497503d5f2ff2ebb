"""The README's example commands run as written on the files in examples/
(issue 18 item 10: there was no HTML or PDF example to try)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_extract_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        m = re.match(r"^zhnews (extract examples/\S+.*?)(?:\s+#.*)?$", line)
        if m:
            out.append(shlex.split(m.group(1)))
    return out


def test_every_example_command_of_the_readme_runs():
    cmds = _readme_extract_commands()
    assert any(c[1].endswith(".pdf") for c in cmds) and any(c[1].endswith(".html") for c in cmds)
    for cmd in cmds:
        r = subprocess.run([sys.executable, "-m", "zhnews", *cmd], capture_output=True, text=True, cwd=ROOT,
                           timeout=120)
        assert r.returncode == 0, (cmd, r.stderr)
        assert re.search(r"^1\. \S", r.stdout, re.M), (cmd, r.stdout[:300])


def test_no_command_line_of_the_readme_pastes_as_a_shell_pipe():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            code = line.split("  #")[0]
            assert not re.search(r"\w\|\w", code), line  # "--format jsonl|csv|parquet" runs a pipe


def test_every_option_of_the_base_commands_has_help_text():
    for cmd in ("search", "person", "org", "figures", "export", "serve"):
        r = subprocess.run([sys.executable, "-m", "zhnews", cmd, "--help"], capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        opts = r.stdout.split("options:", 1)[1]
        # an option line without a help text ends right after its metavar
        bare = [ln for ln in opts.splitlines() if re.match(r"^  -", ln) and re.match(r"^  (?:-\S+(?: [A-Z_{},]+)?(?:, )?)+$", ln)
                and not ln.strip().startswith("-h")]
        for ln in bare:
            nxt = opts.splitlines()[opts.splitlines().index(ln) + 1] if ln != opts.splitlines()[-1] else ""
            assert nxt.startswith(" " * 10), (cmd, ln)  # help text on the next line
        if cmd == "serve":
            assert "--db DB" in r.stdout
