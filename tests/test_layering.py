"""The code has one direction (issue 16): no import circle among zhnews's
modules, and no engine module imports the command line. The imports are read
from the source (ast), including those inside functions, so a lazy import
that closes a circle counts too."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "zhnews"
CLI_MODULES = {"zhnews.cli", "zhnews.kb_cli", "zhnews.web.cli", "zhnews.__main__"}


def _modules() -> dict[str, Path]:
    out = {}
    for p in PKG.rglob("*.py"):
        parts = p.with_suffix("").relative_to(PKG.parent).parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = p
    return out


def _imports(name: str, path: Path, mods: dict[str, Path]) -> set[str]:
    is_pkg = path.name == "__init__.py"
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [f"{mod}.{a.name}" if f"{mod}.{a.name}" in mods else mod for a in node.names]
        for t in targets:
            while t not in mods and "." in t:
                t = t.rsplit(".", 1)[0]
            if t in mods and t != name and t.startswith("zhnews"):
                out.add(t)
    return out


def _graph() -> dict[str, set[str]]:
    mods = _modules()
    graph = {n: _imports(n, p, mods) for n, p in mods.items()}
    # the package itself only re-exports the public API; importing it for __version__
    # is not a dependency on everything it exports
    return {n: {d for d in deps if d != "zhnews"} for n, deps in graph.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_circle():
    assert _cycles(_graph()) == []


def test_no_engine_module_imports_the_command_line():
    graph = _graph()
    offenders = {n: sorted(d & CLI_MODULES) for n, d in graph.items() if n not in CLI_MODULES and d & CLI_MODULES}
    assert offenders == {}


def test_the_walk_sees_lazy_imports():
    # the test would pass vacuously if it missed imports inside functions
    graph = _graph()
    assert "zhnews.distributed" in graph["zhnews.cli"]  # imported inside cmd_extract


def test_a_missing_lexicon_is_an_error_not_an_empty_list(tmp_path, monkeypatch):
    """One loader for every lexicon, and it fails loudly: a lexicon that returned
    [] when its file was missing let the extractor run on and find less."""
    from zhnews import lexicon
    from zhnews.errors import ZhnewsError

    import pytest

    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    with pytest.raises(ZhnewsError, match="lexicon speech_verbs.txt is missing"):
        list(lexicon._lines("speech_verbs.txt"))
    # no other module reads the lexicon folder itself (provenance only hashes its
    # bytes; the training script writes places.tsv)
    readers = [p for p in PKG.rglob("*.py") if p.name != "lexicon.py" or p.parent != PKG]
    opened = {str(p.relative_to(PKG)) for p in readers if '"lexicons"' in p.read_text(encoding="utf-8")}
    assert opened <= {"provenance.py", "entities/train.py"}, opened


def _calls(name: str) -> set[str]:
    """Modules that call a function or method called `name` (read with ast:
    a word in a string or a comment does not count)."""
    out = set()
    for p in PKG.rglob("*.py"):
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                f = node.func
                if (f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None) == name:
                    out.add(str(p.relative_to(PKG)))
    return out


def test_one_worker_pool_and_one_work_item_path():
    """Issue 16: `extract`, `ingest` and the Dask runner had three ways of
    turning inputs into work and two pools started two ways. Now only
    zhnews/workers.py starts processes and only zhnews/work.py finds inputs
    and cuts JSONL archives into items."""
    assert _calls("ProcessPoolExecutor") == {"workers.py"}
    assert _calls("get_context") == {"workers.py"}
    assert _calls("Pool") == set()  # multiprocessing.Pool
    assert _calls("discover") == {"work.py"}
    assert _calls("jsonl_lines") == {"work.py"}
    # the three runners take their items from there
    for runner in ("batch.py", "store/ingest.py", "distributed.py", "cli.py"):
        text = (PKG / runner).read_text(encoding="utf-8")
        assert "work import" in text, runner


def test_engine_modules_do_not_print():
    """Library code tells its caller (return values, callbacks, logging); only
    the command line and the training scripts print."""
    allowed = {"cli.py", "kb_cli.py", "web/cli.py", "console.py", "__main__.py", "line_roles_train.py", "speaker_ranker_train.py",
               "entities/train.py", "entities/train_tagger.py",
               "entities/person_model_train.py", "entities/char_clusters.py", "entities/tagger_silver.py"}
    printing = {m for m in _calls("print") if m not in allowed}
    assert printing == set()


def test_formats_are_found_through_their_registry():
    """The reader knows no format by name: zhnews.formats registers each
    one's suffixes and reader, and nothing outside formats/ imports a format
    module (issue 16: extraction.py imported html.py and pdf.py, which
    imported it back)."""
    graph = _graph()
    format_modules = {"zhnews.formats.html", "zhnews.formats.pdf"}
    importers = {n for n, deps in graph.items() if deps & format_modules and not n.startswith("zhnews.formats")}
    assert importers == set()
    from zhnews import formats
    from zhnews.read import Source
    from pathlib import Path as P

    assert {Source("a.pdf", P("a.pdf")).kind, Source("a.HTM", P("a.HTM")).kind} == {"pdf", "html"}
    assert formats.reader("pdf").__name__ == "extract_pdf"
