"""Score extraction output against hand-made gold files (`zhnews eval GOLD.json…`).

Gold files (`shared/examples/*.gold.json`) describe each article by anchors
(`body_starts`, `body_ends`, `joined`) instead of its full text, and list the
facts a careful reader finds. Scoring is therefore tolerant of everything the
gold cannot pin down (white space, exact extents) and strict on what it can
(names, speakers, values, units). Every rule below is a named constant or a
small function so that a changed convention is a one-line edit.

All string comparisons go through `norm()`: NFKC (full/half-width punctuation
and digits are one), middle-dot variants unified, every white-space character
removed. The one exception is `body.joins`, which must see paragraph breaks.

Matching is one-to-one wherever the gold lists items (articles, organizations,
statements, figures): candidate pairs are taken greedily in order of
preference, then augmenting paths raise the matching to maximum cardinality,
so a greedy choice never costs a true positive.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

try:  # the CLI prints ZhnewsError subclasses as one line
    from .errors import ZhnewsError as _ErrorBase
except ImportError:  # pragma: no cover - errors.py not present yet
    _ErrorBase = Exception


class EvalError(_ErrorBase):
    """A gold file that cannot be used (unreadable, malformed, input missing)."""


# --------------------------------------------------------------------------- fields

PRF = "prf"
ACCURACY = "accuracy"

# (name, kind) in display order. Accuracy fields are judged per matched
# article (or matched item); P/R/F1 fields count unmatched articles' items.
FIELDS: tuple[tuple[str, str], ...] = (
    ("articles", PRF),
    ("headline.subheadline", ACCURACY),
    ("headline.kicker", ACCURACY),
    ("body.bounds", ACCURACY),
    ("body.joins", ACCURACY),
    ("byline.dateline", ACCURACY),
    ("byline.place", ACCURACY),
    ("byline.outlet", ACCURACY),
    ("byline.reporters", PRF),
    ("byline.correspondents", PRF),
    ("date", ACCURACY),
    ("people", PRF),
    ("people.titles", PRF),
    ("organizations", PRF),
    ("statements", PRF),
    ("statements.answers", PRF),
    ("figures", PRF),
    ("figures.indicator", ACCURACY),
    ("published", ACCURACY),
    ("outlet", ACCURACY),
)
FIELD_KINDS = dict(FIELDS)

# Input files tried beside a gold file X.gold.json when its "input" is absent.
INPUT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")

# Headline fallback: a containment match needs at least this many characters
# on the shorter side, or an empty/one-character headline would match anything.
MIN_HEADLINE_CONTAINED = 2

# Organizations: the shorter name must cover at least this share of the longer
# (SPEC: "one name contains the other and covers at least half of it").
ORG_MIN_COVER = 0.5

# Answers: share of the gold topic the predicted topic must cover (SPEC: 80%).
ANSWER_TOPIC_COVER = 0.8

# said/quote openings: the predicted text matches when it contains the gold
# opening, or when the two openings are aligned within this many characters
# (one's first OPENING_PROBE characters occur at most this far into the other).
# Statement extents are a judgment call; a boundary a few characters off
# (an included "表示，" or a dropped "我们") is still the same statement.
OPENING_SLACK = 10
OPENING_PROBE = 6

# Figures: relative tolerance on value (SPEC: 0.1%).
FIGURE_VALUE_TOLERANCE = 1e-3
# A shared substring of figure texts must be this long and include a numeral.
FIGURE_MIN_SHARED = 2

# figures.indicator: in-order share of the gold indicator's characters a
# predicted indicator must have (LCS subsequence), when neither contains the
# other. 2/3 accepts "先进煤炭产能" for "煤炭先进产能" but not "能源消费" for "能耗强度".
INDICATOR_MIN_COVER = 2 / 3
# A predicted indicator shorter than this only counts when it is equal, so a
# one-character "量" is not "contained in" every gold indicator.
INDICATOR_MIN_CONTAINED = 2

# body.false_joins: a line ending with one of these, then a blank line, then
# another line, ends a paragraph with near certainty; joining across it is wrong.
SENTENCE_END = "。！？!?”」』"
# Characters of context on each side used to find such a boundary in the output.
FALSE_JOIN_CONTEXT = 8

_NUMERALS = set("0123456789.〇零一二两三四五六七八九十百千万亿半几")
_SMALL_NUMERALS = set("〇零一二两三四五六七八九十半几")
_WS = re.compile(r"\s+")
_DIGIT = re.compile(r"[0-9]")
_DOTS = str.maketrans({"・": "·", "•": "·", "‧": "·", "∙": "·", "⋅": "·"})
_BREAK_CHARS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def norm(s: Any) -> str:
    """Comparison form: NFKC, unified middle dots, no white space ('' for None)."""
    if s is None:
        return ""
    s = unicodedata.normalize("NFKC", str(s)).translate(_DOTS)
    return _WS.sub("", s)


def norm_paragraphs(text: str, paragraphs: Iterable[Any] = ()) -> str:
    """`norm(text)` that keeps one "\\n" per paragraph break.

    Breaks are line breaks in `text` and the starts of `paragraphs` (the
    output may carry paragraphs as offsets instead of newlines).
    """
    starts = set()
    for p in paragraphs or ():
        s = p.get("start") if isinstance(p, dict) else getattr(p, "start", None)
        if isinstance(s, int) and s > 0:
            starts.add(s)
    if starts:
        cut = sorted(starts)
        pieces, prev = [], 0
        for s in cut:
            pieces.append(text[prev:s])
            prev = s
        pieces.append(text[prev:])
        text = "\n".join(pieces)
    parts = re.split("[" + _BREAK_CHARS + "]", text)
    return "\n".join(x for x in (norm(p) for p in parts) if x)


# --------------------------------------------------------------------------- scores


@dataclass
class Score:
    """Counts for one field.

    P/R/F1 fields keep gold-side and predicted-side counts apart, because for
    `people.titles` a gold title can be found by one predicted title while a
    predicted title is judged right against another (no one-to-one pairing).
    For every one-to-one field `gold_found == pred_right`.
    """

    kind: str
    gold_found: int = 0
    gold_total: int = 0
    pred_right: int = 0
    pred_total: int = 0
    correct: int = 0
    total: int = 0

    def add(self, other: "Score") -> None:
        self.gold_found += other.gold_found
        self.gold_total += other.gold_total
        self.pred_right += other.pred_right
        self.pred_total += other.pred_total
        self.correct += other.correct
        self.total += other.total

    @property
    def tp(self) -> int:
        return self.gold_found

    @property
    def fn(self) -> int:
        return self.gold_total - self.gold_found

    @property
    def fp(self) -> int:
        return self.pred_total - self.pred_right

    @property
    def precision(self) -> float | None:
        return self.pred_right / self.pred_total if self.pred_total else None

    @property
    def recall(self) -> float | None:
        return self.gold_found / self.gold_total if self.gold_total else None

    @property
    def f1(self) -> float | None:
        if not self.gold_total and not self.pred_total:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def value(self) -> float | None:
        """F1, or accuracy: what `--min FIELD=VALUE` compares with."""
        return self.f1 if self.kind == PRF else self.accuracy

    @property
    def n(self) -> int:
        """Gold items (P/R/F1) or judgments (accuracy)."""
        return self.gold_total if self.kind == PRF else self.total

    def to_dict(self) -> dict[str, Any]:
        if self.kind == PRF:
            d = {"kind": PRF, "tp": self.tp, "fp": self.fp, "fn": self.fn,
                 "precision": self.precision, "recall": self.recall, "f1": self.f1, "n": self.n}
            if self.pred_right != self.gold_found:
                d["tp_predicted"] = self.pred_right
            return d
        return {"kind": ACCURACY, "correct": self.correct, "total": self.total,
                "accuracy": self.accuracy, "n": self.n}


def _new_scores() -> dict[str, Score]:
    return {name: Score(kind) for name, kind in FIELDS}


@dataclass
class FileReport:
    gold_path: str
    input_path: str
    scores: dict[str, Score] = field(default_factory=_new_scores)
    # (gold headline, predicted headline or None)
    articles: list[tuple[str, str | None]] = field(default_factory=list)
    unmatched_predicted: list[str] = field(default_factory=list)
    # field -> human-readable misses ("missed: …", "spurious: …", "wrong: …")
    misses: dict[str, list[str]] = field(default_factory=dict)
    false_joins: int | None = None
    predicted_joins: int | None = None
    error: str | None = None

    def miss(self, field_name: str, message: str) -> None:
        self.misses.setdefault(field_name, []).append(message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path,
            "input": self.input_path,
            "error": self.error,
            "fields": {k: v.to_dict() for k, v in self.scores.items()},
            "body.false_joins": self.false_joins,
            "body.predicted_joins": self.predicted_joins,
            "articles": [{"gold": g, "predicted": p} for g, p in self.articles],
            "unmatched_predicted": list(self.unmatched_predicted),
            "misses": {k: list(v) for k, v in self.misses.items()},
        }


@dataclass
class Report:
    files: list[FileReport] = field(default_factory=list)

    @property
    def fields(self) -> dict[str, Score]:
        total = _new_scores()
        for f in self.files:
            for name, s in f.scores.items():
                total[name].add(s)
        return total

    @property
    def false_joins(self) -> int | None:
        vals = [f.false_joins for f in self.files if f.false_joins is not None]
        return sum(vals) if vals else None

    @property
    def predicted_joins(self) -> int | None:
        vals = [f.predicted_joins for f in self.files if f.predicted_joins is not None]
        return sum(vals) if vals else None

    @property
    def errors(self) -> list[str]:
        return [f"{f.gold_path}: {f.error}" for f in self.files if f.error]

    def to_dict(self, blind: bool = False) -> dict[str, Any]:
        """`blind` leaves out each file's misses and article pairs: a held-out
        report gives scores, never the errors a rule could be written from."""
        files = [f.to_dict() for f in self.files]
        if blind:
            files = [{k: v for k, v in f.items() if k in ("gold", "input", "error", "fields")} for f in files]
        return {
            "fields": {k: v.to_dict() for k, v in self.fields.items()},
            "body.false_joins": self.false_joins,
            "body.predicted_joins": self.predicted_joins,
            "errors": self.errors,
            "files": files,
        }


# --------------------------------------------------------------------------- matching


def _max_matching(n_gold: int, edges: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one gold→pred matching: greedy by preference, then augmented to
    maximum cardinality (augmenting keeps every matched vertex matched)."""
    adj: dict[int, list[int]] = {}
    g2p: dict[int, int] = {}
    p2g: dict[int, int] = {}
    for _, gi, pj in sorted(edges, key=lambda e: -e[0]):
        adj.setdefault(gi, []).append(pj)
        if gi not in g2p and pj not in p2g:
            g2p[gi], p2g[pj] = pj, gi

    def augment(gi: int, seen: set[int]) -> bool:
        for pj in adj.get(gi, ()):
            if pj in seen:
                continue
            seen.add(pj)
            if pj not in p2g or augment(p2g[pj], seen):
                g2p[gi], p2g[pj] = pj, gi
                return True
        return False

    for gi in range(n_gold):
        if gi not in g2p and gi in adj:
            augment(gi, set())
    return g2p


def _longest_common_substring(a: str, b: str) -> int:
    if not a or not b:
        return 0
    best, prev = 0, [0] * (len(b) + 1)
    for ca in a:
        cur = [0] * (len(b) + 1)
        for j, cb in enumerate(b, 1):
            if ca == cb:
                v = prev[j - 1] + 1
                cur[j] = v
                if v > best:
                    best = v
        prev = cur
    return best


def _lcs_subsequence(a: str, b: str) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def topic_coverage(gold: str, pred: str) -> float:
    """Share of the gold topic covered by the predicted one: the longest common
    substring (after `norm`) over len(gold). A substring, not a bag of
    characters, so a wrong question of similar vocabulary does not pass; the
    80% threshold still tolerates a dropped "关于"/"第一个问题，" or a cut tail."""
    g, p = norm(gold), norm(pred)
    if not g:
        return 1.0
    return _longest_common_substring(g, p) / len(g)


def openings_aligned(gold_opening: str, pred_text: str) -> bool:
    """Does a predicted statement text start where the gold opening does?

    True when the predicted text contains the whole gold opening, or when the
    two openings are at most OPENING_SLACK characters apart: the gold opening's
    first OPENING_PROBE characters occur in the first OPENING_SLACK characters
    of the predicted text (the prediction started a little early, or was cut
    short), or the other way round (it started a little late).
    """
    g, p = norm(gold_opening), norm(pred_text)
    if not g or not p:
        return False
    if g in p:
        return True
    gp, pp = g[:OPENING_PROBE], p[:OPENING_PROBE]
    i = p.find(gp)
    if 0 <= i <= OPENING_SLACK:
        return True
    i = g.find(pp)
    return len(pp) == OPENING_PROBE and 0 <= i <= OPENING_SLACK


def org_match(a: str, b: str) -> float:
    """Cover ratio (shorter/longer) when one name contains the other and covers
    at least ORG_MIN_COVER of it, else 0."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short not in long_:
        return 0.0
    cover = len(short) / len(long_)
    return cover if cover >= ORG_MIN_COVER else 0.0


def title_match(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    return bool(a and b) and (a in b or b in a)


def indicator_match(gold: str, pred: str) -> bool:
    """Equal, or one contains the other (a predicted indicator shorter than
    INDICATOR_MIN_CONTAINED only when equal), or the predicted indicator has at
    least INDICATOR_MIN_COVER of the gold's characters in order."""
    g, p = norm(gold), norm(pred)
    if g == p:
        return True
    if not g or not p:
        return False
    if g in p or (len(p) >= INDICATOR_MIN_CONTAINED and p in g):
        return True
    return _lcs_subsequence(g, p) >= INDICATOR_MIN_COVER * len(g)


def _to_float(v: Any) -> float | None:
    if isinstance(v, bool) or v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _norm_unit(u: Any) -> str:
    """Units compare after `norm`, with a leading measure word 个 dropped
    ("个小时" = "小时", "个百分点" = "百分点"); "个" alone stays."""
    u = norm(u)
    return u[1:] if len(u) > 1 and u[0] == "个" else u


def _shares_numeric_substring(a: str, b: str) -> bool:
    for i in range(len(a)):
        for j in range(i + FIGURE_MIN_SHARED, len(a) + 1):
            sub = a[i:j]
            if sub not in b:
                break
            if any(c in _NUMERALS for c in sub):
                return True
    return False


def figure_texts_overlap(a: str, b: str) -> bool:
    """Gold figures have no offsets, so "overlap" is textual: one text contains
    the other, or they share ≥ FIGURE_MIN_SHARED characters including a numeral."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a or _shares_numeric_substring(a, b)


def figure_match(g: dict, p: dict) -> bool:
    gv, pv = _to_float(g.get("value")), _to_float(p.get("value"))
    if gv is None or pv is None:
        return False
    if gv == 0:
        if pv != 0:
            return False
    elif abs(pv - gv) > FIGURE_VALUE_TOLERANCE * abs(gv):
        return False
    if _norm_unit(g.get("unit")) != _norm_unit(p.get("unit")):
        return False
    return figure_texts_overlap(g.get("text", ""), p.get("text", ""))


def figure_is_neutral(p: dict, ignore: Iterable[str]) -> bool:
    """A predicted figure that is neither right nor wrong (SPEC: "not scored
    either way"): its text equals or lies inside a gold `figures_ignore`
    entry; a bare magnitude (no unit, not % or 倍); or a small count written
    with one Chinese numeral (两次, 三个, 十人; value ≤ 十)."""
    t = norm(p.get("text"))
    if not t:
        return False
    for entry in ignore:
        e = norm(entry)
        if e and t in e:
            return True
    if not _norm_unit(p.get("unit")) and "%" not in t and "倍" not in t:
        return True
    if _DIGIT.search(t):
        return False
    runs = re.findall("[" + "".join(_NUMERALS - set("0123456789.")) + "]+", t)
    return len(runs) == 1 and len(runs[0]) == 1 and runs[0] in _SMALL_NUMERALS


# --------------------------------------------------------------------------- gold & output access


def _names(items: Any) -> list[str]:
    out = []
    for it in items or ():
        name = it.get("name") if isinstance(it, dict) else it
        n = norm(name)
        if n:
            out.append(n)
    return out


def _people(items: Any) -> dict[str, list[str]]:
    """name -> titles; duplicate names are merged (a person is one entity)."""
    out: dict[str, list[str]] = {}
    for it in items or ():
        if isinstance(it, dict):
            name, titles = it.get("name"), it.get("titles") or []
        else:
            name, titles = it, []
        n = norm(name)
        if not n:
            continue
        lst = out.setdefault(n, [])
        for t in titles if isinstance(titles, list) else [titles]:
            t = norm(t.get("title") if isinstance(t, dict) else t)
            if t and t not in lst:
                lst.append(t)
    return out


def _dedupe(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


def _byline(article: dict) -> dict:
    b = article.get("byline")
    return b if isinstance(b, dict) else {}


def _opt(v: Any) -> str | None:
    n = norm(v)
    return n or None


def _list(v: Any) -> list:
    return v if isinstance(v, list) else []


# --------------------------------------------------------------------------- per-field scorers


def _score_set(rep: FileReport, name: str, gold: list[str], pred: list[str], where: str) -> None:
    g, p = set(gold), set(pred)
    s = rep.scores[name]
    hit = len(g & p)
    s.gold_found += hit
    s.pred_right += hit
    s.gold_total += len(g)
    s.pred_total += len(p)
    for x in sorted(g - p):
        rep.miss(name, f"missed: {x} [{where}]")
    for x in sorted(p - g):
        rep.miss(name, f"spurious: {x} [{where}]")


def _score_people(rep: FileReport, gold: dict[str, list[str]], pred: dict[str, list[str]], where: str) -> None:
    _score_set(rep, "people", list(gold), list(pred), where)
    s = rep.scores["people.titles"]
    for name in gold.keys() & pred.keys():
        gt, pt = gold[name], pred[name]
        s.gold_total += len(gt)
        s.pred_total += len(pt)
        for t in gt:
            if any(title_match(t, x) for x in pt):
                s.gold_found += 1
            else:
                rep.miss("people.titles", f"missed: {name} {t} [{where}]")
        for t in pt:
            if any(title_match(t, x) for x in gt):
                s.pred_right += 1
            else:
                rep.miss("people.titles", f"spurious: {name} {t} [{where}]")


def _score_orgs(rep: FileReport, gold: list[str], pred: list[str], where: str) -> None:
    gold, pred = _dedupe(gold), _dedupe(pred)
    edges = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            c = org_match(g, p)
            if c:
                edges.append((c, i, j))
    m = _max_matching(len(gold), edges)
    s = rep.scores["organizations"]
    s.gold_total += len(gold)
    s.pred_total += len(pred)
    s.gold_found += len(m)
    s.pred_right += len(m)
    hit = set(m.values())
    for i, g in enumerate(gold):
        if i not in m:
            rep.miss("organizations", f"missed: {g} [{where}]")
    for j, p in enumerate(pred):
        if j not in hit:
            rep.miss("organizations", f"spurious: {p} [{where}]")


def statement_match(g: dict, p: dict) -> float:
    """Preference (> 0) when predicted statement `p` matches gold `g`, else 0.

    answer: kind answer, same speaker, same asked_by (None == None), predicted
    topic covering ≥ ANSWER_TOPIC_COVER of the gold topic (`topic_coverage`).
    said / quote: same kind, same speaker, predicted text aligned with the gold
    opening (`openings_aligned`; gold `starts`, or `text` when given).
    """
    kind = g.get("kind")
    if p.get("kind") != kind or not norm(g.get("speaker")):
        return 0.0
    if norm(g.get("speaker")) != norm(p.get("speaker")):
        return 0.0
    if kind == "answer":
        if _opt(g.get("asked_by")) != _opt(p.get("asked_by")):
            return 0.0
        cov = topic_coverage(g.get("topic") or "", p.get("topic") or "")
        return cov if cov >= ANSWER_TOPIC_COVER else 0.0
    opening = g.get("starts") or g.get("text") or ""
    text = p.get("text") or ""
    if norm(opening) and norm(opening) in norm(text):
        return 2.0
    return 1.0 if openings_aligned(opening, text) else 0.0


def _describe_statement(s: dict) -> str:
    what = s.get("topic") if s.get("kind") == "answer" else (s.get("starts") or s.get("text"))
    extra = f" asked_by={s.get('asked_by')}" if s.get("kind") == "answer" else ""
    return f"{s.get('kind')} {s.get('speaker')}{extra}: {norm(what)[:30]}"


def _score_statements(rep: FileReport, gold: list[dict], pred: list[dict], where: str) -> None:
    """Gold counts only statements with a named speaker (SPEC), so predicted
    statements left without a speaker ("有关负责人表示") are neither right nor wrong."""
    gold = [g for g in gold if isinstance(g, dict)]
    pred = [p for p in pred if isinstance(p, dict) and p.get("speaker")]
    edges = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            c = statement_match(g, p)
            if c:
                edges.append((c, i, j))
    m = _max_matching(len(gold), edges)
    hit = set(m.values())
    for name, keep in (("statements", lambda s: True),
                       ("statements.answers", lambda s: s.get("kind") == "answer")):
        s = rep.scores[name]
        gi = [i for i, g in enumerate(gold) if keep(g)]
        pj = [j for j, p in enumerate(pred) if keep(p)]
        found = sum(1 for i in gi if i in m)
        s.gold_total += len(gi)
        s.gold_found += found
        s.pred_total += len(pj)
        s.pred_right += sum(1 for j in pj if j in hit)
    for i, g in enumerate(gold):
        if i not in m:
            rep.miss("statements", f"missed: {_describe_statement(g)} [{where}]")
    for j, p in enumerate(pred):
        if j not in hit:
            rep.miss("statements", f"spurious: {_describe_statement(p)} [{where}]")


def _score_figures(rep: FileReport, gold: list[dict], pred: list[dict], ignore: list[str], where: str) -> None:
    gold = [g for g in gold if isinstance(g, dict)]
    pred = [p for p in pred if isinstance(p, dict)]
    edges = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if figure_match(g, p):
                # Prefer equal texts, then a matching indicator (the same "24小时"
                # can be listed twice for two indicators), then document order.
                pref = (2.0 if norm(g.get("text")) == norm(p.get("text")) else 1.0)
                pref += 0.5 if indicator_match(g.get("indicator") or "", p.get("indicator") or "") else 0.0
                pref -= 0.001 * abs(i / max(len(gold), 1) - j / max(len(pred), 1))
                edges.append((pref, i, j))
    m = _max_matching(len(gold), edges)
    hit = set(m.values())
    s = rep.scores["figures"]
    s.gold_total += len(gold)
    s.gold_found += len(m)
    s.pred_right += len(m)
    for i, g in enumerate(gold):
        if i not in m:
            rep.miss("figures", f"missed: {g.get('text')} {g.get('unit')} [{where}]")
    for j, p in enumerate(pred):
        if j in hit:
            s.pred_total += 1
        elif not figure_is_neutral(p, ignore):
            s.pred_total += 1
            rep.miss("figures", f"spurious: {p.get('text')} {p.get('unit')} [{where}]")
    ind = rep.scores["figures.indicator"]
    for i, j in m.items():
        ind.total += 1
        if indicator_match(gold[i].get("indicator") or "", pred[j].get("indicator") or ""):
            ind.correct += 1
        else:
            rep.miss("figures.indicator",
                     f"wrong: {gold[i].get('text')} gold={gold[i].get('indicator')} "
                     f"predicted={pred[j].get('indicator')} [{where}]")


def _judge(rep: FileReport, name: str, ok: bool, gold: Any, pred: Any, where: str) -> None:
    s = rep.scores[name]
    s.total += 1
    if ok:
        s.correct += 1
    else:
        rep.miss(name, f"wrong: gold={gold!r} predicted={pred!r} [{where}]")


def _score_joins(rep: FileReport, gold: dict, pred: dict | None, where: str) -> None:
    """A gold `joined` string is found when it occurs in the predicted text and
    no occurrence of it crosses a paragraph break. Removing *all* white space
    (newlines too) would make every join look found, so breaks are kept."""
    joined = [norm(j) for j in _list(gold.get("joined")) if norm(j)]
    if not joined:
        return
    flat = paras = ""
    if pred is not None:
        text = pred.get("text") or ""
        flat = norm(text)
        paras = norm_paragraphs(text, _list(pred.get("paragraphs")))
    s = rep.scores["body.joins"]
    for j in joined:
        s.total += 1
        n_flat = flat.count(j)
        if n_flat and paras.count(j) == n_flat:
            s.correct += 1
        else:
            rep.miss("body.joins", f"not joined: {j} [{where}]")


def _score_pair(rep: FileReport, g: dict, p: dict) -> None:
    """Scalar fields of one matched article pair."""
    where = str(g.get("headline"))[:20]
    for name, key in (("headline.subheadline", "subheadline"), ("headline.kicker", "kicker")):
        _judge(rep, name, _opt(g.get(key)) == _opt(p.get(key)), g.get(key), p.get(key), where)
    text = norm(p.get("text"))
    for key, test in (("body_starts", text.startswith), ("body_ends", text.endswith)):
        anchor = norm(g.get(key))
        ok = bool(anchor) and test(anchor)
        _judge(rep, "body.bounds", ok, f"{key}={anchor[:15]}",
               (text[:15] if key == "body_starts" else text[-15:]), where)
    gb, pb = _byline(g), _byline(p)
    for key in ("dateline", "place", "outlet"):
        _judge(rep, f"byline.{key}", _opt(gb.get(key)) == _opt(pb.get(key)), gb.get(key), pb.get(key), where)
    _judge(rep, "date", _opt(g.get("date")) == _opt(p.get("date")), g.get("date"), p.get("date"), where)


def _score_facts(rep: FileReport, g: dict | None, p: dict | None) -> None:
    """Item fields of a matched pair, or of an unmatched article (other side None:
    its items all count as missed or spurious)."""
    g0, p0 = g or {}, p or {}
    where = str((g or p or {}).get("headline"))[:20]
    gb, pb = _byline(g0), _byline(p0)
    for key in ("reporters", "correspondents"):
        _score_set(rep, f"byline.{key}", _names(gb.get(key)), _names(pb.get(key)), where)
    _score_people(rep, _people(g0.get("people")), _people(p0.get("people")), where)
    _score_orgs(rep, _names(g0.get("organizations")), _names(p0.get("organizations")), where)
    _score_statements(rep, _list(g0.get("statements")), _list(p0.get("statements")), where)
    _score_figures(rep, _list(g0.get("figures")), _list(p0.get("figures")),
                   [x for x in _list(g0.get("figures_ignore")) if isinstance(x, str)], where)
    if g is not None:
        _score_joins(rep, g, p, where)


# --------------------------------------------------------------------------- articles & pages


def _headline_pref(g: str, p: str) -> float:
    g, p = norm(g), norm(p)
    if not g or not p:
        return 0.0
    if g == p:
        return 2.0
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) >= MIN_HEADLINE_CONTAINED and short in long_:
        return len(short) / len(long_)
    return 0.0


def match_articles(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """Gold index -> predicted index. Equal headlines (after `norm`) first;
    else one headline containing the other, preferring the closest lengths
    (a predicted headline with its kicker or subheadline glued on still matches)."""
    edges = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            c = _headline_pref(g.get("headline"), p.get("headline"))
            if c:
                edges.append((c, i, j))
    return _max_matching(len(gold), edges)


def false_joins(input_text: str, pred_articles: list[dict], gold_joins: list[str] | tuple = ()) -> int:
    """Paragraph ends the output joined although the input leaves no doubt.

    The gold cannot list every real paragraph end, so count the input boundaries
    that are certain: a line ending with SENTENCE_END, a blank line, another
    line. Such a boundary is falsely joined when some predicted article's text
    holds the FALSE_JOIN_CONTEXT characters before it directly followed (no
    paragraph break) by the characters after it. A boundary the gold lists as a
    column cut (`gold_joins`: a page builder may cut right after a full stop,
    "……意义重大。" / "要认真谋划……") is no paragraph end: joining it is right.
    """
    boundaries: list[str] = []
    prev: str | None = None
    blank = False
    for line in input_text.splitlines():
        if not line.strip():
            blank = prev is not None
            continue
        if prev is not None and blank and prev.rstrip()[-1:] in SENTENCE_END:
            left, right = norm(prev)[-FALSE_JOIN_CONTEXT:], norm(line)[:FALSE_JOIN_CONTEXT]
            if left and right:
                boundaries.append(left + right)
        prev, blank = line, False
    cuts = [j for j in map(norm, gold_joins) if j]
    boundaries = [b for b in boundaries if not any(0 < FALSE_JOIN_CONTEXT - b.find(j) < len(j) for j in cuts if j in b)]
    if not boundaries:
        return 0
    texts = [norm_paragraphs(a.get("text") or "", _list(a.get("paragraphs")))
             for a in pred_articles]
    return sum(1 for b in boundaries if any(b in t for t in texts))


def score_page(gold: dict, pred: dict, rep: FileReport, input_text: str | None = None) -> FileReport:
    """Score one page's predicted output dict against its gold dict into `rep`."""
    g_arts = [a for a in _list(gold.get("articles")) if isinstance(a, dict)]
    p_arts = [a for a in _list(pred.get("articles")) if isinstance(a, dict)]
    for name, key in (("published", "published"), ("outlet", "outlet")):
        _judge(rep, name, _opt(gold.get(key)) == _opt(pred.get(key)), gold.get(key), pred.get(key), "page")
    m = match_articles(g_arts, p_arts)
    s = rep.scores["articles"]
    s.gold_total += len(g_arts)
    s.pred_total += len(p_arts)
    s.gold_found += len(m)
    s.pred_right += len(m)
    for i, g in enumerate(g_arts):
        if i in m:
            p = p_arts[m[i]]
            rep.articles.append((g.get("headline"), p.get("headline")))
            _score_pair(rep, g, p)
            _score_facts(rep, g, p)
        else:
            rep.articles.append((g.get("headline"), None))
            rep.miss("articles", f"missed: {g.get('headline')}")
            _score_facts(rep, g, None)
    hit = set(m.values())
    for j, p in enumerate(p_arts):
        if j not in hit:
            rep.unmatched_predicted.append(str(p.get("headline")))
            rep.miss("articles", f"spurious: {p.get('headline')}")
            _score_facts(rep, None, p)
    if input_text is not None:
        rep.false_joins = false_joins(input_text, p_arts, [j for g in g_arts for j in _list(g.get("joined"))
                                                           if isinstance(j, str)])
    if any("joins" in a for a in p_arts):
        rep.predicted_joins = sum(len(_list(a.get("joins"))) for a in p_arts)
    return rep


def load_gold(path: str | Path) -> dict:
    """Read and check one gold file; any problem is an EvalError naming it."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvalError(f"{path}: gold file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise EvalError(f"{path}: cannot read gold file ({e})") from None
    try:
        gold = json.loads(raw)
    except json.JSONDecodeError as e:
        raise EvalError(f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), list):
        raise EvalError(f"{path}: not a gold file (expected an object with an \"articles\" list)")
    for i, a in enumerate(gold["articles"]):
        if not isinstance(a, dict) or not isinstance(a.get("headline"), str) or not a["headline"].strip():
            raise EvalError(f"{path}: article {i + 1} has no \"headline\" string")
        for key in ("people", "organizations", "statements", "figures", "joined", "figures_ignore"):
            if key in a and not isinstance(a[key], list):
                raise EvalError(f"{path}: article {i + 1} ({a['headline'][:20]}): \"{key}\" is not a list")
    return gold


def resolve_input(gold_path: str | Path, gold: dict) -> Path:
    """The page a gold file describes: its "input" name beside it, else
    X.txt/.html/.htm/.pdf for X.gold.json."""
    gold_path = Path(gold_path)
    folder = gold_path.parent
    candidates: list[Path] = []
    name = gold.get("input")
    if isinstance(name, str) and name.strip():
        candidates += [folder / Path(name).name, Path(name)]
    stem = gold_path.name
    for suffix in (".gold.json", ".json"):
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    candidates += [folder / (stem + s) for s in INPUT_SUFFIXES]
    for c in candidates:
        if c.is_file():
            return c
    tried = ", ".join(dict.fromkeys(str(c) for c in candidates))
    raise EvalError(f"{gold_path}: input page not found (tried {tried})")


def _default_extract(path: str) -> dict:
    import zhnews

    return zhnews.extract(path).to_dict()


def evaluate(gold_paths: list[str], extract_fn: Callable[[str], Any] | None = None) -> Report:
    """Score `extract_fn` (default: `zhnews.extract(path).to_dict()`) on gold files.

    All gold files are read and their inputs found before any extraction runs,
    so a broken gold file fails at once (EvalError). An extractor that raises
    on one input is recorded in that file's `error` and scored as empty output.
    """
    if extract_fn is None:
        extract_fn = _default_extract
    if isinstance(gold_paths, (str, Path)):
        gold_paths = [gold_paths]
    jobs = []
    for gp in gold_paths:
        gold = load_gold(gp)
        jobs.append((str(gp), gold, resolve_input(gp, gold)))
    report = Report()
    for gp, gold, input_path in jobs:
        rep = FileReport(gold_path=gp, input_path=str(input_path))
        try:
            pred = extract_fn(str(input_path))
            if hasattr(pred, "to_dict"):
                pred = pred.to_dict()
            if not isinstance(pred, dict):
                raise TypeError(f"extractor returned {type(pred).__name__}, not a dict")
        except Exception as e:  # noqa: BLE001 - recorded, shown in the table
            rep.error = f"extraction failed: {type(e).__name__}: {e}"
            pred = {"articles": []}
        input_text = None
        if input_path.suffix.lower() == ".txt":
            try:
                input_text = input_path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                input_text = None
        score_page(gold, pred, rep, input_text)
        report.files.append(rep)
    return report


# --------------------------------------------------------------------------- output


def _fmt(v: float | None) -> str:
    return "-" if v is None else f"{v:.3f}"


SCORE_COLUMNS = ("P", "R", "F1/acc", "n")


def _cells(s: Score) -> list[str]:
    if s.kind == PRF:
        return [_fmt(s.precision), _fmt(s.recall), _fmt(s.f1), str(s.n)]
    return ["", "", _fmt(s.accuracy), str(s.n)]


def _table(scores: dict[str, Score]) -> list[str]:
    from .table import render

    rows = [[name, *_cells(scores[name]),
             f"{scores[name].tp}/{scores[name].fp}/{scores[name].fn}" if kind == PRF
             else f"{scores[name].correct}/{scores[name].total} (acc)"] for name, kind in FIELDS]
    return render(["field", *SCORE_COLUMNS, "tp/fp/fn or right/total"], rows, right=(1, 2, 3, 4)).splitlines()


def format_table(report: Report, per_file: bool = False) -> str:
    """Fixed-width table: field, P, R, F1 (or accuracy), n; then the join
    counts and any extraction errors. `per_file` adds one table per gold file
    with its unmatched headlines."""
    out: list[str] = []
    if per_file:
        for f in report.files:
            out.append(f"== {f.gold_path}")
            if f.error:
                out.append(f"ERROR {f.error}")
            out += _table(f.scores)
            out.append(f"body.false_joins: {_count(f.false_joins)}   predicted joins: {_count(f.predicted_joins)}")
            for g, p in f.articles:
                if p is None:
                    out.append(f"  gold article not found: {g}")
            for p in f.unmatched_predicted:
                out.append(f"  predicted article not in gold: {p}")
            out.append("")
        out.append(f"== total ({len(report.files)} files)")
    out += _table(report.fields)
    out.append(f"body.false_joins: {_count(report.false_joins)}   "
               f"predicted joins: {_count(report.predicted_joins)}")
    for e in report.errors:
        out.append(f"ERROR {e}")
    return "\n".join(out)


def format_side_by_side(dev: Report, heldout: Report) -> str:
    """Development and held-out scores in one table. The two are shown together
    because a score on pages the rules were written from says little about the
    pages users bring; the held-out column is the one that does."""
    from .table import render

    d, h = dev.fields, heldout.fields
    rows = [[name, *_cells(d[name]), *_cells(h[name])] for name, _kind in FIELDS]
    out = [render(["field", *SCORE_COLUMNS, *SCORE_COLUMNS], rows, right=range(1, 9),
                  groups=[("", 1), (f"development ({len(dev.files)} pages)", 4),
                          (f"held-out ({len(heldout.files)} pages)", 4)])]
    out.append(f"body.false_joins: dev {_count(dev.false_joins)}, held-out {_count(heldout.false_joins)}")
    for e in dev.errors:
        out.append(f"ERROR (development) {e}")
    for e in heldout.errors:
        out.append(f"ERROR (held-out) {e}")
    return "\n".join(out)


def format_misses(report: Report, field_prefix: str = "") -> str:
    """Every miss, field by field, with the gold file it came from: a score says how
    much is wrong, this says what, which is what a user needs to file a bug or to
    judge whether a gold file itself is wrong."""
    by_field: dict[str, list[str]] = {}
    for f in report.files:
        name = Path(f.gold_path).name
        for fld, msgs in f.misses.items():
            if fld.startswith(field_prefix):
                by_field.setdefault(fld, []).extend(f"{name}: {m}" for m in msgs)
    order = [n for n, _ in FIELDS]
    out: list[str] = []
    for fld in sorted(by_field, key=lambda n: (order.index(n) if n in order else len(order), n)):
        out.append(f"\n== misses: {fld} ({len(by_field[fld])})")
        out += [f"  {m}" for m in by_field[fld]]
    if not out:
        out.append(f"\nno misses{' in ' + field_prefix if field_prefix else ''}")
    return "\n".join(out)


def _count(v: int | None) -> str:
    return "n/a" if v is None else str(v)


def check_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """Failures for `--min FIELD=VALUE`: the field's F1 (or accuracy) below VALUE,
    a field with nothing scored, an unknown field, or a failed extraction."""
    failures: list[str] = []
    scores = report.fields
    for name, floor in floors.items():
        if name not in scores:
            failures.append(f"{name}: unknown field (known: {', '.join(n for n, _ in FIELDS)})")
            continue
        v = scores[name].value
        label = "F1" if scores[name].kind == PRF else "accuracy"
        if v is None:
            failures.append(f"{name}: nothing scored, cannot compare with {floor}")
        elif v < floor:
            failures.append(f"{name}: {label} {v:.3f} < {floor}")
    if floors:
        failures += report.errors
    return failures
