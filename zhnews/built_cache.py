"""Tables built from the lexicons, kept on disk between runs in marshal form.

Every zhnews process builds the same tables at start-up; the largest is the
general word lexicon of `figure_words` (133k words: parsing the file and a
logarithm a word). `cached` keeps what a builder returns in a per-user cache
directory and reads it back with `marshal` (C speed) in the next process.

The file name carries a hash of everything the table is built from: the data
files' bytes, the source of the code that builds it, the Python version
(marshal's format may change between versions) and FORMAT. An edited lexicon or
builder therefore never meets a stale table; it builds and stores a new one.
A missing, unreadable, corrupt or unwritable cache only costs the build.

Where: $ZHNEWS_CACHE_DIR, else $XDG_CACHE_HOME/zhnews, else ~/.cache/zhnews.
ZHNEWS_CACHE_DIR set to the empty string turns the cache off.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

# Bumped when what `cached` stores changes shape for every table.
FORMAT = 1
# Tables kept per name (~4 MB each): checkouts side by side with different
# lexicons (worktrees, branches) would otherwise evict each other's and rebuild.
KEEP = 8


def cache_dir() -> Path | None:
    d = os.environ.get("ZHNEWS_CACHE_DIR")
    if d is not None:
        return Path(d) if d else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhnews"


def _key(name: str, sources: Iterable[Path]) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}\0{sys.version}\0{name}".encode())
    for p in sources:
        data = Path(p).read_bytes()
        h.update(f"\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def cached(name: str, sources: Iterable[Path], build: Callable[[], object]):
    """build() — or what an earlier process stored for the same `sources`.

    `build` must return plain data marshal can store (str, int, float, None,
    tuples, lists, dicts, sets); `sources` must name every file the result
    depends on, the builder's own module included."""
    d = cache_dir()
    if d is None:
        return build()
    try:
        path = d / f"{name}-{_key(name, sources)}.marshal"
    except OSError:
        return build()  # a source that cannot be read: the builder says why
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    tmp = None
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", dir=d)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the whole file or none
        tmp = None
        _prune(d, name)
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return value


# Joins the keys of a packed dict; no lexicon word or model feature holds it.
_SEP = "\0"


def pack(d: dict[str, object]) -> tuple[str, list] | dict:
    """A str-keyed dict as (its keys joined in one string, its values), for `cached`.

    marshal reads each str on its own (a UTF-8 decode and an allocation per
    key); one joined string and a C-level split cost about half as much for
    the 78k-133k keys of the word lexicon and the name model (~12 ms each
    start-up). A dict with a key holding the separator stays as it is."""
    if any(_SEP in k for k in d):
        return d
    return _SEP.join(d), list(d.values())


def unpack(packed: tuple[str, list] | dict) -> dict:
    """What `pack` was given: the same keys and values, in the same order."""
    if isinstance(packed, dict):
        return packed
    keys, values = packed
    return dict(zip(keys.split(_SEP), values))


def _prune(d: Path, name: str) -> None:
    """Keep the KEEP most recent tables of `name`: other checkouts (or a branch
    switched back and forth) may still want theirs, but not forever."""
    olds = sorted(d.glob(f"{name}-*.marshal"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in olds[KEEP:]:
        old.unlink(missing_ok=True)
