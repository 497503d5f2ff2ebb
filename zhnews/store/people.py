"""People and organizations consolidated across articles.

A person record is a name plus the titles it was seen with. An article's
person joins an existing record of the same name unless both sides carry
specific titles that share nothing (山西省委书记 vs 清华大学教授): then a new
record is made and the conflict is written to `person_evidence`, so two people
with one name are never merged silently, and every link says why it was made
(`article_people.link_reason`). Order matters for such a rule; the evidence
rows let a user see and query every split.

Organizations resolve through `org_aliases`: the shared lexicon of short
forms (zhnews/lexicons/org_aliases.tsv, outlets.tsv) plus every `canonical` the extractor
reported (最高法 → 最高人民法院), so an article that says 央视 and one that
says 中央广播电视总台 meet on one row.
"""

from __future__ import annotations

from functools import lru_cache

from .base import Store

# A title this long names an organization or place, not just a role (书记,
# 主任, 记者 say nothing about which person it is); only such titles can
# conflict.
SPECIFIC_TITLE_MIN_CHARS = 4
# A shorter title contained in a longer one links two appearances only when it
# is itself this long (代表 ⊂ 全国人大代表 is too weak; 外交部 ⊂ 外交部发言人 is not).
CONTAINED_TITLE_MIN_CHARS = 3
# A title that starts with a bare administrative level (省委书记, 市长, 县委常委)
# is relative to the paper's own region: it does not say which province, so it
# is not specific however long it is.
RELATIVE_TITLE_STARTS = ("省", "市", "县", "区", "州", "盟", "旗", "乡", "镇", "村", "党委", "本", "该")
# How the titles of the central party and state begin (is_national).
NATIONAL_STARTS = (
    "中共中央", "中央", "国务院", "国务委员", "国家", "全国人大", "全国政协", "外交部", "外长", "国防部",
    "最高人民法院", "最高人民检察院", "最高法", "最高检", "中国人民解放军", "中央军委",
)
# Leading modifiers that do not tell organizations apart.
TITLE_MODIFIERS = ("时任", "原", "前", "副", "常务", "首任", "新任")
# Characters of a title (after modifiers) that usually name its organization
# or place: 山西省委书记 / 山西代表团团长 → 山西.
ANCHOR_CHARS = 2

STRONG, PREFIX, NEUTRAL, CONFLICT = 3, 2, 1, 0

# Shared lexicons of short form → full name (+ kind): organizations and outlets.
ALIASES_LEXICONS = ("org_aliases.tsv", "outlets.tsv")


def _anchor(title: str) -> str:
    t = title
    changed = True
    while changed:
        changed = False
        for m in TITLE_MODIFIERS:
            if t.startswith(m) and len(t) > len(m) + 1:
                t = t[len(m):]
                changed = True
    return t[:ANCHOR_CHARS]


def _without_modifiers(title: str) -> str:
    """The title after its leading modifiers (时任, 原, 副…), each taken off once."""
    core = title
    for m in TITLE_MODIFIERS:
        if core.startswith(m):
            core = core[len(m):]
    return core


def is_national(title: str) -> bool:
    """An office of the central party and state (中共中央政治局委员, 国务委员兼外长,
    外交部长, 全国人大常委会副委员长, and by short form 中联部部长): it names no
    province or company."""
    return _without_modifiers(title).startswith(_national_starts())


@lru_cache(maxsize=1)
def _national_starts() -> tuple[str, ...]:
    """NATIONAL_STARTS and the lexicon's short forms of central organs (中联部)."""
    shorts = (alias for alias, (canon, _) in alias_lexicon().items() if canon.startswith(NATIONAL_STARTS))
    return NATIONAL_STARTS + tuple(shorts)


def is_specific(title: str) -> bool:
    """Does the title name its organization or place (so that it can conflict)?"""
    core = _without_modifiers(title)
    return len(title) >= SPECIFIC_TITLE_MIN_CHARS and not core.startswith(RELATIVE_TITLE_STARTS)


def compare_titles(new: set[str], known: set[str]) -> tuple[int, str]:
    """How well an appearance's titles fit a person record: (score, evidence)."""
    if not new or not known:
        return NEUTRAL, "name-only"
    for t in sorted(new):
        if t in known:
            return STRONG, f"title:{t}"
    for t in sorted(new):
        for k in sorted(known):
            short, long_ = (t, k) if len(t) <= len(k) else (k, t)
            if len(short) >= CONTAINED_TITLE_MIN_CHARS and short in long_:
                return STRONG, f"title:{short}⊂{long_}"
    new_s = {t for t in new if is_specific(t)}
    known_s = {t for t in known if is_specific(t)}
    if not new_s or not known_s:
        return NEUTRAL, "name-only"
    new_n = {t for t in new_s if is_national(t)}
    known_n = {t for t in known_s if is_national(t)}
    if new_n and known_n:
        # offices of the central state are one career, held in turn or at once
        # (国务委员兼外长 in 2020, 政治局委员、外交部长 in 2026): no conflict
        return PREFIX, f"national:{sorted(new_n)[0]}~{sorted(known_n)[0]}"
    shared = {_anchor(t) for t in new_s} & {_anchor(t) for t in known_s}
    if shared:
        return PREFIX, f"prefix:{sorted(shared)[0]}"
    return CONFLICT, f"titles {'、'.join(sorted(new_s))} vs {'、'.join(sorted(known_s))}"


@lru_cache(maxsize=1)
def alias_lexicon() -> dict[str, tuple[str, str | None]]:
    """alias → (canonical, kind)."""
    return {alias: (canon, kind) for alias, canon, kind in load_alias_lexicon()}


def load_alias_lexicon() -> list[tuple[str, str, str | None]]:
    """(alias, canonical, kind) from the shared lexicon; an entry whose
    canonical names two bodies (中央纪委国家监委) is not an alias of one."""
    from ..lexicon import load_table

    rows = [row for name in ALIASES_LEXICONS for row in load_table(name)]
    return [(r[0], r[1], r[2] if len(r) > 2 else None) for r in rows if len(r) >= 2 and " " not in r[1]]


class Consolidator:
    """Resolves names to person/organization ids inside one write transaction.

    Caches are valid for one transaction only (`reset()` at each batch): with
    PostgreSQL another writer may commit between our batches."""

    def __init__(self, store: Store):
        self.store = store
        self.reset()

    def reset(self) -> None:
        self._by_name: dict[str, list[int]] = {}
        self._titles: dict[int, set[str]] = {}
        self._orgs: dict[str, int] = {}

    # -- people -----------------------------------------------------------
    def _candidates(self, name: str) -> list[int]:
        ids = self._by_name.get(name)
        if ids is None:
            ids = [r["id"] for r in self.store.query("SELECT id FROM people WHERE name = ? ORDER BY id", [name])]
            self._by_name[name] = ids
        return ids

    def _known_titles(self, pid: int) -> set[str]:
        titles = self._titles.get(pid)
        if titles is None:
            titles = {r["title"] for r in self.store.query(
                "SELECT DISTINCT title FROM titles WHERE person_id = ?", [pid])}
            self._titles[pid] = titles
        return titles

    def person(self, name: str, titles: list[str], article_id: int) -> tuple[int, str]:
        """The person id for `name` seen with `titles` in an article, and the link evidence."""
        new = {t for t in titles if t}
        cands = self._candidates(name)
        scored = [(compare_titles(new, self._known_titles(pid)), pid) for pid in cands]
        fitting = [(s, pid) for s, pid in scored if s[0] > CONFLICT]
        if fitting:
            (score, reason), pid = max(fitting, key=lambda x: (x[0][0], -x[1]))
            if score == NEUTRAL and len(fitting) > 1:
                reason += " (ambiguous: " + ", ".join(f"#{p}" for _, p in fitting) + ")"
            self._known_titles(pid).update(new)
            return pid, reason
        note = None
        if scored:
            note = "same name as " + ", ".join(f"#{pid}" for _, pid in scored) + " but titles conflict"
        pid = self.store.insert_id("INSERT INTO people (name, note) VALUES (?, ?)", [name, note])
        self._by_name.setdefault(name, []).append(pid)
        self._titles[pid] = set(new)
        if scored:
            self.store.executemany(
                "INSERT INTO person_evidence (person_id, other_person_id, article_id, kind, detail) "
                "VALUES (?, ?, ?, 'conflicting-titles', ?)",
                [(pid, other, article_id, detail) for (_, detail), other in scored],
            )
            return pid, "new: " + note
        return pid, "new"

    def drop_orphans(self, person_ids: set[int]) -> None:
        """Remove person records no article refers to any more (after a page was replaced)."""
        for pid in person_ids:
            if self.store.scalar("SELECT 1 FROM article_people WHERE person_id = ? LIMIT 1", [pid]):
                continue
            if self.store.scalar("SELECT 1 FROM titles WHERE person_id = ? LIMIT 1", [pid]):
                continue
            self.store.execute("UPDATE statements SET person_id = NULL WHERE person_id = ?", [pid])
            self.store.execute("UPDATE mentions SET person_id = NULL WHERE person_id = ?", [pid])
            self.store.execute("DELETE FROM person_evidence WHERE person_id = ? OR other_person_id = ?", [pid, pid])
            self.store.execute("DELETE FROM people WHERE id = ?", [pid])
        self.reset()

    # -- organizations ----------------------------------------------------
    def _lookup_org(self, name: str) -> int | None:
        if name in self._orgs:
            return self._orgs[name]
        oid = self.store.scalar("SELECT organization_id FROM org_aliases WHERE alias = ?", [name])
        if oid is not None:
            self._orgs[name] = oid
        return oid

    def _new_org(self, name: str, kind: str | None, source: str) -> int:
        oid = self.store.scalar("SELECT id FROM organizations WHERE name = ?", [name])
        if oid is None:
            oid = self.store.insert_id("INSERT INTO organizations (name, kind) VALUES (?, ?)", [name, kind])
        self.store.execute("INSERT INTO org_aliases (alias, organization_id, source) VALUES (?, ?, ?) "
                           "ON CONFLICT (alias) DO NOTHING", [name, oid, source])
        self._orgs[name] = oid
        return oid

    def organization(self, name: str, canonical: str | None, kind: str | None) -> int:
        lexicon = alias_lexicon()
        full = canonical or (lexicon[name][0] if name in lexicon else name)
        oid = self._lookup_org(full) or self._lookup_org(name)
        if oid is None:
            oid = self._new_org(full, kind or (lexicon.get(name) or (None, None))[1], "extracted")
            # The lexicon's other short forms of this body point here too.
            for alias, (canon, _) in lexicon.items():
                if canon == full and self._lookup_org(alias) is None:
                    self.store.execute("INSERT INTO org_aliases (alias, organization_id, source) "
                                       "VALUES (?, ?, 'lexicon') ON CONFLICT (alias) DO NOTHING", [alias, oid])
                    self._orgs[alias] = oid
        if name != full and self._lookup_org(name) is None:
            self.store.execute("INSERT INTO org_aliases (alias, organization_id, source) VALUES (?, ?, 'extracted') "
                               "ON CONFLICT (alias) DO NOTHING", [name, oid])
            self._orgs[name] = oid
        return oid


def resolve_org_ids(store: Store, name: str) -> list[int]:
    """Organization ids a user's name refers to: by alias, then by exact name."""
    names = {name}
    if name in alias_lexicon():
        names.add(alias_lexicon()[name][0])
    rows = []
    for n in names:
        rows += store.query("SELECT organization_id AS id FROM org_aliases WHERE alias = ? "
                            "UNION SELECT id FROM organizations WHERE name = ?", [n, n])
    return sorted({r["id"] for r in rows})
