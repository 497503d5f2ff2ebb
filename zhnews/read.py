"""Source bytes → text: encoding detection, input discovery, clear refusals.

Chinese pages arrive as UTF-8 (with or without BOM), GB18030/GBK from older
systems and Windows tools, and UTF-16 from Word exports. Byte-order marks are
trusted first, strict UTF-8 next (it almost never decodes non-UTF-8 by
accident), then GB18030 (a superset of GBK/GB2312), and only then the
statistical guess of charset-normalizer. Whatever the encoding, the decoded
text is checked for being text at all, and Chinese.
"""

from __future__ import annotations

import glob
import os
from . import recache as re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import formats
from .errors import InputError

# A newspaper page is 5–50k characters; a whole archive day as one text file is
# a few MB. Past this it is not "a page" and belongs in JSONL streaming input.
MAX_PAGE_BYTES = 20 * 1024 * 1024
# One JSONL record is one article or page: the same cap as a page file, so a
# record cannot hold a whole archive (issue 19: one of 100k paragraphs ran
# for over ten minutes) and a line is never read whole into memory past it.
MAX_RECORD_BYTES = MAX_PAGE_BYTES
# Chunk in which the rest of an over-long line is skipped.
_SKIP_CHUNK = 1024 * 1024
# Share of CJK characters among letters below which a text is not a Chinese
# page (English boilerplate around a Chinese article stays well above it).
MIN_CJK_SHARE = 0.3
# Control characters (other than tab/newline) a text file may hold before we
# call it binary: OCR and copy-paste leave a few, binaries thousands.
MAX_CONTROL_SHARE = 0.01

SUFFIXES_TEXT = {".txt", ".text", ""}
SUFFIXES_JSONL = {".jsonl", ".ndjson"}
# …and those of the formats registered in zhnews.formats (HTML, PDF, page images).
SUFFIXES_ALL = SUFFIXES_TEXT | SUFFIXES_JSONL | formats.suffixes()


@dataclass
class Source:
    """One input as the user named it: a path, or '-' for standard input."""

    name: str
    path: Path | None = None

    @property
    def kind(self) -> str:
        suffix = self.path.suffix.lower() if self.path else ""
        if suffix in SUFFIXES_JSONL:
            return "jsonl"
        return formats.kind_of(suffix) or "text"

    def read_bytes(self) -> bytes:
        if self.path is None:
            data = sys.stdin.buffer.read(MAX_PAGE_BYTES + 1)
        else:
            try:
                size = self.path.stat().st_size
            except OSError as exc:
                raise InputError(self.name, f"cannot read ({exc.strerror or exc})") from None
            if size > MAX_PAGE_BYTES and self.kind != "jsonl":
                raise InputError(
                    self.name,
                    f"too large for one page ({size / 1e6:.0f} MB > {MAX_PAGE_BYTES / 1e6:.0f} MB); "
                    "split it into pages or give JSONL records",
                )
            try:
                data = self.path.read_bytes()
            except OSError as exc:
                raise InputError(self.name, f"cannot read ({exc.strerror or exc})") from None
        if len(data) > MAX_PAGE_BYTES and self.kind != "jsonl":
            raise InputError(self.name, f"too large for one page (> {MAX_PAGE_BYTES / 1e6:.0f} MB)")
        return data


def discover(paths: list[str]) -> list[Source | InputError]:
    """Files, folders (recursively, known suffixes only), globs and '-'.

    A name that matches nothing is returned as an InputError in its place, so
    the caller reports it and goes on with the rest.
    """
    out: list[Source | InputError] = []
    for name in paths:
        if name == "-":
            out.append(Source("-", None))
            continue
        p = Path(name)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES_ALL - {""}
                and not f.name.endswith(".gold.json")
            )
            if not found:
                out.append(InputError(name, "folder holds no .txt/.html/.pdf/.jsonl/image files"))
            out.extend(Source(str(f), f) for f in found)
        elif p.is_file():
            out.append(Source(name, p))
        elif any(ch in name for ch in "*?["):
            matches = sorted(glob.glob(name, recursive=True))
            files = [m for m in matches if os.path.isfile(m)]
            if not files:
                out.append(InputError(name, "no file matches this pattern"))
            out.extend(Source(m, Path(m)) for m in files)
        elif p.exists():
            out.append(InputError(name, "not a regular file (a device, pipe or socket); pass a file, a folder or -"))
        else:
            out.append(InputError(name, "no such file or folder"))
    return out


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: every other byte is NUL for ASCII, and CJK text
    has a pattern charset detectors miss; check both byte orders by decoding."""
    if len(data) < 4 or len(data) % 2:
        return None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _cjk_share(text) >= MIN_CJK_SHARE and _control_share(text) <= MAX_CONTROL_SHARE:
            return enc
    return None


# Runs of characters that are not Chinese (the CJK Unified Ideographs and Extension A: every
# code point of both is a letter, so what is left after removing these runs is a part of
# str.isalpha's count). Removing runs is 4x faster than collecting the Chinese characters.
_NOT_CJK_RUNS = re.compile(r"[^\u4e00-\u9fff\u3400-\u4dbf]+")
# Control characters that text never holds (tab and line breaks do not count).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")
# Share tests read the first characters only: a page's opening says what it is, and a
# huge input must not cost a scan of its whole length before any work starts.
SHARE_SAMPLE_CHARS = 20000


def _cjk_share(text: str) -> float:
    # map(str.isalpha) and a regex count run in C: this runs on every page, and the
    # character loop it replaces was a fifth of layout's time (benchmarks/run.py stages).
    sample = text[:SHARE_SAMPLE_CHARS]
    letters = sum(map(str.isalpha, sample))
    return len(_NOT_CJK_RUNS.sub("", sample)) / letters if letters else 0.0


def _control_share(text: str) -> float:
    sample = text[:SHARE_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return len(_CONTROL_CHARS.findall(sample)) / len(sample)


def decode(data: bytes, source: str = "<input>") -> tuple[str, str]:
    """Bytes → (text, encoding name). Raises InputError for binary or empty input."""
    if not data.strip():
        raise InputError(source, "empty input")
    boms = (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    )
    text = encoding = None
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(enc), enc
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {enc} byte-order mark but is not valid {enc}") from None
            break
    if text is None and b"\x00" in data[:4096]:
        enc = _looks_utf16(data)
        if enc is None:
            raise InputError(source, "binary file (NUL bytes), not text")
        text, encoding = data.decode(enc), enc
    if text is None:
        for enc in ("utf-8", "gb18030"):
            try:
                text, encoding = data.decode(enc), enc
                break
            except UnicodeDecodeError:
                continue
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "unknown encoding (not UTF-8, UTF-16, GB18030 or any encoding detected)")
        text, encoding = str(best), best.encoding
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise InputError(source, "binary file (control characters), not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        raise InputError(source, "empty input")
    return text, encoding


def check_chinese(text: str, source: str) -> None:
    """Refuse text that is not a Chinese page before layout guesses at it."""
    if _cjk_share(text) < MIN_CJK_SHARE:
        raise InputError(source, "not a Chinese newspaper page (too few Chinese characters)")


def jsonl_lines(fh, limit: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) of a binary file, the line None when it is longer
    than `limit` (its bytes are skipped, not kept): the reader reports it and
    goes on with the next record."""
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = fh.readline(_SKIP_CHUNK)
            yield lineno, None
            continue
        yield lineno, raw


def record_too_large() -> str:
    return f"record too large (> {MAX_RECORD_BYTES / 1e6:.0f} MB; one record is one article or page)"


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub_surrogates(value):
    """Lone UTF-16 surrogates ("\\ud800" in JSON) → U+FFFD in every string of a
    parsed JSON value, in place. JSON allows them, UTF-8 cannot encode them:
    kept, they crash the output write (or the request) long after the record
    was read. A loop, not recursion: json.loads nests deeper than Python recurses."""
    if isinstance(value, str):
        return _fix_surrogates(value)
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            for i, v in enumerate(node):
                if isinstance(v, str):
                    node[i] = _fix_surrogates(v)
                elif isinstance(v, (list, dict)):
                    stack.append(v)
        elif isinstance(node, dict):
            for k in list(node):
                v = node[k]
                if isinstance(v, str):
                    v = node[k] = _fix_surrogates(v)
                elif isinstance(v, (list, dict)):
                    stack.append(v)
                fixed = _fix_surrogates(k)
                if fixed != k:
                    del node[k]
                    node[fixed] = v
    return value


def _fix_surrogates(s: str) -> str:
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s
