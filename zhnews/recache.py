"""`re`, with the compiled form of `compile`'s patterns kept on disk between runs.

Every zhnews process compiles the same ~270 patterns at start-up, many of them
over large character classes (`[\\u4e00-\\u9fff]`: the stdlib's compiler walks
such a range one character at a time, in Python) or long word alternations:
~0.2 CPU-s of each `zhnews extract`'s ~0.75 s start-up (profiled, 2026-12-06).
What the compiler produces — the pattern's flags, its code (a list of 32-bit
words), its groups — depends only on the pattern, the flags and the Python
version, so it is kept in one marshal file and handed back to `_sre.compile`
(what `re.compile` itself calls last) in the next process: the same pattern
object, built without parsing.

Use: `from . import recache as re` in place of `import re`; everything but
`compile` is the stdlib's.

The file is named after the Python version and the regex engine's MAGIC, and
carries a BLAKE2 digest of its payload: a file from another Python, or a damaged
one, is ignored. Anything unexpected (a Python without these internals, an
unreadable or unwritable cache) falls back to `re.compile`. Where: the
directory of `built_cache` ($ZHNEWS_CACHE_DIR; empty turns this off too).
Patterns first compiled in a process are added to the file when it exits.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re as _re
import sys
import tempfile
from array import array
from re import *  # noqa: F401,F403  (the rest of `re`, unchanged)
from re import DEBUG, RegexFlag

from . import built_cache

try:  # CPython's internals of `re.compile` (3.11+): without them, plain re.compile
    import _sre
    from re import _compiler, _parser

    _ENGINE = f"{_sre.MAGIC}.{_sre.CODESIZE}"
    _OK = array("I").itemsize == _sre.CODESIZE
except (ImportError, AttributeError):  # pragma: no cover - other Pythons
    _OK = False

# Bumped when what the file stores changes shape.
FORMAT = 1
# Patterns the file keeps at most (extract compiles ~290): past it, the next process to
# save keeps only its own (patterns of other checkouts sharing the cache directory, or
# built from per-run words, do not pile up: each load reads the whole file).
MAX_STORED = 1000
# Patterns one process adds at most (a pattern built from an article's words is compiled
# once and never asked for again: no reason to store many of them).
MAX_NEW = 500
# Compiled patterns kept in memory, as `re` keeps its own (a pattern compiled inside a
# function is looked up, not rebuilt, on the next call).
MAX_MEMORY = 512

_stored: dict | None = None  # (pattern, flags) → (flags, code bytes, groups, groupindex, indexgroup)
_new: dict = {}
_used: set = set()
_memory: dict = {}
_path = None
_registered = False


def _file():
    d = built_cache.cache_dir()
    if d is None or not _OK:
        return None
    tag = hashlib.blake2b(f"{FORMAT}\0{sys.version}\0{_ENGINE}".encode(), digest_size=8).hexdigest()
    return d / f"regexes-{tag}.marshal"


def _read(path) -> dict:
    """The stored patterns, or {} when the file is missing, damaged or not ours."""
    try:
        digest, payload = marshal.loads(path.read_bytes())
        if hashlib.blake2b(payload, digest_size=16).digest() == digest:
            table = marshal.loads(payload)
            if isinstance(table, dict):
                return table
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return {}


def _load() -> None:
    global _stored, _path, _registered
    _path = _file()
    _stored = _read(_path) if _path is not None else {}
    if _path is not None and not _registered:
        atexit.register(_save)
        _registered = True


def _save() -> None:
    """Adds this process's new patterns to the file (atomic replace: a reader sees
    a whole file or the old one)."""
    if not _new or _path is None:
        return
    table = _read(_path)
    if len(table) + len(_new) > MAX_STORED:
        table = {k: v for k, v in table.items() if k in _used}
    table.update(_new)
    payload = marshal.dumps(table)
    tmp = None
    try:
        _path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".regexes-", dir=_path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(marshal.dumps((hashlib.blake2b(payload, digest_size=16).digest(), payload)))
        os.replace(tmp, _path)
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    _new.clear()


def _build(pattern: str, flags: int):
    """What re.compile builds (re._compiler.compile, step by step), and its parts to store."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    parts = (flags | p.state.flags, array("I", code).tobytes(), p.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, parts[0], code, parts[2], parts[3], parts[4]), parts


def compile(pattern, flags=0):  # noqa: A001  (stands in for re.compile)
    """re.compile(pattern, flags), the same pattern object, read from the cache file when it is there."""
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if type(pattern) is not str or flags & DEBUG or not _OK:
        return _re.compile(pattern, flags)
    key = (pattern, flags)
    got = _memory.get(key)
    if got is not None:
        return got
    if _stored is None:
        _load()
    parts = _stored.pop(key, None)
    compiled = None
    if parts is not None:
        try:
            fl, code, groups, groupindex, indexgroup = parts
            compiled = _sre.compile(pattern, fl, memoryview(code).cast("I").tolist(), groups, groupindex, indexgroup)
        except Exception:  # a stored entry this engine refuses: build it again
            compiled = None
    if compiled is None:
        try:
            compiled, parts = _build(pattern, flags)
        except Exception:
            return _re.compile(pattern, flags)  # re's own error for a bad pattern
        if len(_new) < MAX_NEW:
            _new[key] = parts
    _used.add(key)
    if len(_memory) >= MAX_MEMORY:
        _memory.pop(next(iter(_memory)))
    _memory[key] = compiled
    return compiled
