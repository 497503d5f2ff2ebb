"""Chinese administrative divisions (and countries) named in an article.

Matched from `lexicons/places.tsv` (full names such as 娄烦县, 太原市, 山西省; the
short forms 山西, 太原 of provinces and prefectures only — short county names like
娄烦 are too often ordinary words) and `lexicons/countries.txt`. A place is
resolved to its administrative path (娄烦县 → 山西省太原市娄烦县); a name shared by
several divisions (朝阳区) is resolved by the provinces the article names, else left
unresolved.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Mention, Place
from . import lexicon

# Suffixes stripped to make the short form of a province or prefecture.
SHORT_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")
# Characters that, right after a short form, show it is part of a longer word
# ("上海市民" is fine, "山西路" is a street, "太原理工" a university).
MIN_SHORT = 2


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, list[tuple[str, str]]], lexicon.WordScanner]:
    table: dict[str, list[tuple[str, str]]] = {}
    for name, rows in lexicon.places().items():
        for level, path in rows:
            table.setdefault(name, []).append((level, path))
            if level in ("province", "city"):
                for suf in SHORT_SUFFIXES:
                    if name.endswith(suf) and len(name) - len(suf) >= MIN_SHORT:
                        short = name[: -len(suf)]
                        table.setdefault(short, []).append((level, path))
                        break
    for c in lexicon.countries():
        table.setdefault(c, []).append(("country", c))
    return table, lexicon.WordScanner(table)


def place_names() -> list[str]:
    return list(_index()[0])


def _resolve(rows: list[tuple[str, str]], provinces: set[str]) -> str | None:
    paths = sorted({p for _, p in rows})
    if len(paths) == 1:
        return paths[0]
    inside = [p for p in paths if any(p.startswith(pr) for pr in provinces)]
    if len(inside) == 1:
        return inside[0]
    return None


def find_places(text: str, skip: list[tuple[int, int]] | None = None) -> list[Place]:
    """Places in text; spans in `skip` (people's names) are not places."""
    table, scanner = _index()
    taken = bytearray(len(text) + 1)
    for s, e in skip or ():
        for k in range(s, e):
            taken[k] = 1
    found: dict[str, Place] = {}
    order: list[str] = []
    provinces: set[str] = set()
    for s, e in scanner.finditer(text):
        if any(taken[s:e]):
            continue
        name = text[s:e]
        if name not in found:
            found[name] = Place(name=name)
            order.append(name)
        found[name].mentions.append(Mention(name, s, e))
        for level, path in table[name]:
            if level == "province":
                provinces.add(path)
    for name in order:
        found[name].resolved = _resolve(table[name], provinces)
    return [found[n] for n in order]
