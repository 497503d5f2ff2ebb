"""Reading the lexicon files of `zhnews/lexicons/` once per process.

Each file says in its header where its entries come from; here they only become
sets, dicts and precompiled alternations (longest first, so that "副总经理" wins
over "总经理").
"""

from __future__ import annotations

from .. import recache as re
from functools import lru_cache
from ..lexicon import load_lines, load_table



def _lines(name: str) -> tuple[str, ...]:
    return load_lines(name)


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return load_table(name)


@lru_cache(maxsize=1)
def _surname_sections() -> tuple[frozenset, frozenset]:
    single, compound, section = set(), set(), "single"
    for line in _lines("surnames.txt"):
        w = line.strip()
        if w == "[compound]":
            section = "compound"
            continue
        (compound if section == "compound" else single).add(w)
    return frozenset(single), frozenset(compound)


def single_surnames() -> set[str]:
    return set(_surname_sections()[0])


def compound_surnames() -> set[str]:
    return set(_surname_sections()[1])


@lru_cache(maxsize=1)
def _title_sections() -> tuple[frozenset, frozenset]:
    plain, kin, section = set(), set(), "plain"
    for line in _lines("titles.txt"):
        w = line.strip()
        if w == "[kinship]":
            section = "kin"
            continue
        (kin if section == "kin" else plain).add(w)
    return frozenset(plain), frozenset(kin)


def titles() -> frozenset:
    """Position and role words (a title head)."""
    return _title_sections()[0]


def kinship() -> frozenset:
    """Kinship words, titles only after the relative's name."""
    return _title_sections()[1]


@lru_cache(maxsize=1)
def org_suffixes() -> dict[str, str]:
    return {r[0]: (r[1] if len(r) > 1 else "other") for r in _rows("org_suffixes.txt")}


@lru_cache(maxsize=1)
def org_body_suffixes() -> tuple[str, ...]:
    """The suffixes of every kind but "company": what ends a sub-unit or organ of a body, unlike a
    company's legal form or 集团 after its brand (entities._adds_sub_unit asks on every pair)."""
    return tuple(x for x, kind in org_suffixes().items() if kind != "company")


def _suffix_flagged(flag: str) -> frozenset:
    return frozenset(r[0] for r in _rows("org_suffixes.txt") if len(r) > 2 and flag in r[2].split(","))


@lru_cache(maxsize=1)
def org_word_suffixes() -> frozenset:
    """Suffixes marked "word": they count only where they end a word of the clause."""
    return _suffix_flagged("word")


@lru_cache(maxsize=1)
def org_start_suffixes() -> frozenset:
    """Suffixes marked "start": they need a recognised start (a place, a country,
    中国…) before them, never a free run of characters."""
    return _suffix_flagged("start")


@lru_cache(maxsize=1)
def org_member_suffixes() -> frozenset:
    """Suffixes marked "member": department endings that a bare list member sharing
    the first member's prefix may end with (省委组织部、宣传部)."""
    return _suffix_flagged("member")


@lru_cache(maxsize=1)
def outlets() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1] if len(r) > 1 and r[1] else r[0], r[2] if len(r) > 2 else "media") for r in _rows("outlets.tsv")}


@lru_cache(maxsize=1)
def org_aliases() -> dict[str, tuple[str, str]]:
    return {r[0]: (r[1] if len(r) > 1 and r[1] else r[0], r[2] if len(r) > 2 else "other") for r in _rows("org_aliases.tsv")}


@lru_cache(maxsize=1)
def name_context() -> dict[str, frozenset]:
    """Words around names, by role (see the header of name_context.tsv). The
    reporting verbs of speech_verbs.txt are verbs after a name too: they are
    written after the speaker ("德国总理默克尔敦促…"), so the two lists stay one."""
    by_kind: dict[str, set[str]] = {}
    for r in _rows("name_context.tsv"):
        if len(r) >= 2:
            by_kind.setdefault(r[1], set()).add(r[0])
    by_kind.setdefault("verb", set()).update(r[0] for r in _rows("speech_verbs.txt") if r and r[0])
    return {k: frozenset(v) for k, v in by_kind.items()}


def _sections(name: str, first: str) -> dict[str, frozenset]:
    """Words of a lexicon by its [section] headers (the words before any header in
    section `first`); a line may hold several words."""
    out: dict[str, set[str]] = {}
    section = first
    for line in _lines(name):
        w = line.strip()
        if w.startswith("[") and w.endswith("]"):
            section = w[1:-1]
            continue
        out.setdefault(section, set()).update(w.split())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def org_false() -> dict[str, frozenset]:
    """Sections of org_false.txt: "endings" and "generic"."""
    return _sections("org_false.txt", "endings")


@lru_cache(maxsize=1)
def leaders() -> frozenset:
    return frozenset(w.strip() for w in _lines("leaders.txt"))


@lru_cache(maxsize=1)
def foreign_leaders() -> frozenset:
    return frozenset(w.strip() for w in _lines("foreign_leaders.txt"))


@lru_cache(maxsize=1)
def org_abbr_bodies() -> frozenset:
    """"美国务院", "俄国防部": every country short form + state body of org_abbr_bodies.txt."""
    sections = _sections("org_abbr_bodies.txt", "abbr")
    return frozenset(a + b for a in sections.get("abbr", ()) for b in sections.get("bodies", ()))


@lru_cache(maxsize=1)
def country_abbr_full() -> dict[str, str]:
    """One-character country short form → the country's name (美 → 美国), org_abbr_bodies.txt [full]."""
    return dict(w.split("=", 1) for w in _sections("org_abbr_bodies.txt", "abbr").get("full", ()) if "=" in w)




@lru_cache(maxsize=1)
def countries() -> frozenset:
    return frozenset(w.strip() for w in _lines("countries.txt"))


@lru_cache(maxsize=1)
def foreign_regions() -> frozenset:
    """States and provinces of federal countries with their level character (明尼苏达州)."""
    return frozenset(w.strip() for w in _lines("foreign_regions.txt"))


@lru_cache(maxsize=1)
def places() -> dict[str, list[tuple[str, str]]]:
    """name → [(level, full path)], several when the name repeats (朝阳区)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for r in _rows("places.tsv"):
        if len(r) >= 3:
            out.setdefault(r[0], []).append((r[1], r[2]))
    return out


def alternation(words) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def lengths_by_first(words) -> dict[str, tuple[int, ...]]:
    """First character → the lengths of the words starting with it, longest first.

    Looking a word up at a position then slices only the lengths that exist
    for the character there (most characters start no word at all), instead
    of every length from the longest word's down.
    """
    out: dict[str, set[int]] = {}
    for w in words:
        if w:
            out.setdefault(w[0], set()).add(len(w))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


def lengths_by_last(words) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths of the words ending with it, longest first."""
    out: dict[str, set[int]] = {}
    for w in words:
        if w:
            out.setdefault(w[-1], set()).add(len(w))
    return {c: tuple(sorted(v, reverse=True)) for c, v in out.items()}


# Words × characters above which find_words indexes the words instead of one
# str.find pass per word: on a long article the names grow with the text, and
# a pass per name made the whole quadratic (issue 19); below it the passes are
# cheaper than building the index. ~ 40 names in a 50k-character page.
FIND_WORDS_SCAN_AT = 2_000_000


def find_words(text: str, words) -> list[tuple[int, int]]:
    """(start, end) of the matches `re.finditer(alternation(words))` gives
    (leftmost, then longest, not overlapping), for a small per-article set.

    Why not the regex: each article has its own set (its names), so the
    alternation would be compiled once per article, which cost more than
    reading the article. `str.find` per word is C speed and needs no compiling.
    """
    if len(words) * len(text) > FIND_WORDS_SCAN_AT:
        return list(WordScanner(words).finditer(text))
    longest: dict[int, int] = {}
    for w in words:
        n = len(w)
        if not n:
            continue
        j = text.find(w)
        while j >= 0:
            if n > longest.get(j, 0):
                longest[j] = n
            j = text.find(w, j + 1)
    out = []
    pos = 0
    for s in sorted(longest):
        if s >= pos:
            pos = s + longest[s]
            out.append((s, pos))
    return out


def _char_class(chars) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


class WordScanner:
    """Finds lexicon words in text with the matches of `re.finditer(alternation(words))`
    (leftmost, then longest, not overlapping), ~40× faster on big lexicons.

    Why not the alternation: Python's `re` tries a literal alternation branch by
    branch at every position, so the 3,600 places cost ~3 µs a character. Here a
    character-class filter (C speed) jumps to the positions whose first two
    characters can start a word, and a dict of the words' lengths by that
    prefix checks only the lengths that exist, longest first.
    """

    def __init__(self, words):
        words = frozenset(w for w in words if w)
        self.words = words
        # the prefix the index is keyed on: two characters unless a word is shorter
        self.k = k = 2 if words and min(len(w) for w in words) >= 2 else 1
        index: dict[str, set[int]] = {}
        for w in words:
            index.setdefault(w[:k], set()).add(len(w))
        self.index = {p: tuple(sorted(v, reverse=True)) for p, v in index.items()}
        if not words:
            self._filter = None
        elif k == 2:
            self._filter = re.compile(_char_class({w[0] for w in words}) + "(?=" + _char_class({w[1] for w in words}) + ")")
        else:
            # one-character words match alone; longer ones need their second
            # character next (most first characters of 公司, 中心… start no word)
            singles = {w for w in words if len(w) == 1}
            longer = words - singles
            alts = [_char_class(singles)]
            if longer:
                alts.append(_char_class({w[0] for w in longer}) + "(?=" + _char_class({w[1] for w in longer}) + ")")
            self._filter = re.compile("|".join(alts))

    def match(self, text: str, pos: int, endpos: int | None = None) -> int | None:
        """End of the longest word starting at pos (and ending by endpos), else None."""
        hi = len(text) if endpos is None else min(endpos, len(text))
        lens = self.index.get(text[pos : pos + self.k])
        if lens is None:
            return None
        words = self.words
        for n in lens:
            e = pos + n
            if e <= hi and text[pos:e] in words:
                return e
        return None

    def finditer(self, text: str):
        """(start, end) of each match, left to right, not overlapping."""
        if self._filter is None:
            return
        search = self._filter.search
        get = self.index.get
        words, k, n = self.words, self.k, len(text)
        m = search(text)
        while m is not None:
            s = m.start()
            nxt = s + 1
            for L in get(text[s : s + k], ()):
                e = s + L
                if e <= n and text[s:e] in words:
                    yield s, e
                    nxt = e
                    break
            m = search(text, nxt)

    def occurring(self, text: str) -> set[str]:
        """Every word written somewhere in text, also one that opens a longer word
        where it stands (a set: what `w in text` finds, one scan for all)."""
        out: set[str] = set()
        if self._filter is None:
            return out
        get = self.index.get
        words, k, n = self.words, self.k, len(text)
        for m in self._filter.finditer(text):  # (every candidate: the filter consumes one character)
            s = m.start()
            for L in get(text[s : s + k], ()):
                if s + L <= n and text[s : s + L] in words:
                    out.add(text[s : s + L])
        return out

    def starts(self, text: str):
        """(start, end) of the longest word at every position where one starts
        (overlapping): what a lookahead `(?=(alternation))` finds."""
        if self._filter is None:
            return
        get = self.index.get
        words, k, n = self.words, self.k, len(text)
        # the filter consumes one character, so finditer visits every candidate
        for m in self._filter.finditer(text):
            s = m.start()
            for L in get(text[s : s + k], ()):
                e = s + L
                if e <= n and text[s:e] in words:
                    yield s, e
                    break
