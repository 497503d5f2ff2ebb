"""`recache.compile` gives the pattern `re.compile` gives (equal code, flags and
groups: `Pattern.__eq__` compares the compiled code), built or read back from the
cache file; a damaged, foreign or disabled cache only costs the build."""

from __future__ import annotations

import re
import sys

import pytest

from zhnews import recache

SAMPLES = [
    ("[\u4e00-\u9fff]{2,4}", 0),
    (r"(?P<org>本报|新华社)(?P<place>[\u4e00-\u9fff]{2,6})(?:\d+月)?电", 0),
    (r"^\s*(?:第[一二三四五六七八九十]+[章节])", re.M),
    ("(?i)abc|[Ａ-Ｚ]+", 0),
    (r"x  # comment\n y", re.X),
    ("(?<=[赵钱孙李])(?=[^，。])", 0),
]


def _fresh(monkeypatch, cache_dir) -> None:
    monkeypatch.setenv("ZHNEWS_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(recache, "_stored", None)
    monkeypatch.setattr(recache, "_new", {})
    monkeypatch.setattr(recache, "_used", set())
    monkeypatch.setattr(recache, "_memory", {})
    monkeypatch.setattr(recache, "_path", None)


def _zhnews_patterns() -> list[re.Pattern]:
    import zhnews.extraction  # noqa: F401  (imports every stage)

    out = []
    for name, mod in list(sys.modules.items()):
        if name.startswith("zhnews"):
            out += [v for v in vars(mod).values() if isinstance(v, re.Pattern)]
    return out


@pytest.mark.skipif(not recache._OK, reason="a Python without re's internals: plain re.compile")
def test_built_and_read_back_patterns_equal_re_compile(tmp_path, monkeypatch):
    pats = [(p.pattern, 0) for p in _zhnews_patterns() if isinstance(p.pattern, str)] + SAMPLES
    assert len(pats) > 100
    _fresh(monkeypatch, tmp_path)
    built = [recache.compile(p, f) for p, f in pats]
    recache._save()
    assert len(list(tmp_path.glob("regexes-*.marshal"))) == 1
    _fresh(monkeypatch, tmp_path)
    read = [recache.compile(p, f) for p, f in pats]
    assert not recache._new  # every one came from the file
    text = "本报北京12月5日电 记者李明报道：赵钱孙李四人，ABC与ｘｙ。\n第三章 总则"
    for (p, f), a, b in zip(pats, built, read):
        want = re.compile(p, f)
        assert a == want and b == want, p
        assert (b.flags, b.groups, dict(b.groupindex)) == (want.flags, want.groups, dict(want.groupindex))
        assert [m.span() for m in b.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_damaged_or_disabled_cache_only_costs_the_build(tmp_path, monkeypatch):
    _fresh(monkeypatch, tmp_path)
    recache.compile(*SAMPLES[1])
    recache._save()
    for f in tmp_path.glob("regexes-*.marshal"):
        data = bytearray(f.read_bytes())
        data[-5] ^= 0xFF  # one flipped byte: the digest no longer matches
        f.write_bytes(bytes(data))
    _fresh(monkeypatch, tmp_path)
    assert recache.compile(*SAMPLES[1]) == re.compile(*SAMPLES[1])
    assert recache._new  # built again, not read
    _fresh(monkeypatch, "")
    assert recache.compile(*SAMPLES[0]) == re.compile(*SAMPLES[0])
    with pytest.raises(re.error):
        recache.compile("[unclosed")


@pytest.mark.skipif(not recache._OK, reason="a Python without re's internals: plain re.compile")
def test_a_second_process_builds_no_pattern(tmp_path):
    """The patterns' text is the same in every process (word alternations are sorted,
    not in a set's hash order), so the second run finds every one in the file."""
    import os
    import subprocess
    from pathlib import Path

    from conftest import example_pages

    page = example_pages()[0]
    code = ("import sys; from zhnews import recache; from zhnews.extraction import extract_text; "
            f"extract_text(open({str(page)!r}, encoding='utf-8').read()); print(len(recache._new))")
    env = dict(os.environ, ZHNEWS_CACHE_DIR=str(tmp_path), PYTHONPATH=str(Path(recache.__file__).parents[1]))
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert int(runs[0]) > 100 and int(runs[1]) == 0
