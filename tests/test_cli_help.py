"""What a new user reads first (issue 18 item 10): every option of every
command says what it does, `serve --help` lists the --db it mentions, search
relevance reads as a number, and the README's commands paste into a shell."""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path

from test_ingest import make_db  # noqa: F401  (fixture)
from web_fixtures import example_pages
from zhnews import kb_cli
from zhnews.cli import build_parser
from zhnews.store.ingest import ingest

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> dict[str, argparse.ArgumentParser]:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def test_every_option_has_help():
    missing = [f"{name} {'/'.join(a.option_strings)}" for name, p in _commands().items() for a in p._actions
               if a.option_strings and not isinstance(a, argparse._HelpAction) and not a.help]
    assert not missing, missing


def test_serve_help_lists_what_it_mentions():
    serve = _commands()["serve"]
    text = serve.format_help()
    for opt in set(re.findall(r"(?<![\w$])--[a-z][a-z-]+", text)):
        assert any(opt in a.option_strings and a.help != argparse.SUPPRESS for a in serve._actions), \
            f"serve --help mentions {opt}, lists no such option"


def test_search_table_shows_relevance_not_raw_floats(make_db, tmp_path, capsys):
    db = make_db()
    for p in example_pages():
        shutil.copy(p, tmp_path / p.name)
    ingest([str(tmp_path)], db=db, jobs=1, progress=False)
    assert kb_cli.main(["search", "煤炭", "--db", db]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("article_id"))  # after the 共 N 篇 line
    assert not re.search(r"\de-\d", out)
    rel = [int(line.split()[3]) for line in lines[head + 2:]]
    assert rel[0] == 100 and rel == sorted(rel, reverse=True)
    assert kb_cli.main(["search", "煤炭", "--db", db, "--format", "json"]) == 0
    assert all(isinstance(r["score"], float) for r in json.loads(capsys.readouterr().out))


def test_readme_commands_paste_into_a_shell():
    """No `a|b|c` alternatives in a command line (a shell reads them as pipes),
    and the options and choices they use exist."""
    commands = _commands()
    in_code = False
    for line in README.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        cmd = line.split("  #", 1)[0].strip()
        if not in_code or not cmd.startswith("zhnews "):
            continue
        assert "|" not in cmd, line
        words = cmd.split()
        parser = commands.get(words[1])
        assert parser is not None, line
        options = {o: a for a in parser._actions for o in a.option_strings}
        for i, w in enumerate(words[2:], 2):
            if w.startswith("--"):
                assert w in options, f"{line}: no option {w}"
                choices = options[w].choices
                if choices and i + 1 < len(words):
                    assert words[i + 1] in choices, f"{line}: {words[i + 1]} is not one of {choices}"
