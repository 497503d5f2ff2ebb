"""Chinese and Arabic numerals to numbers.

Only ever called on spans that `figures` has already cut out: converting a
whole text would turn idioms (一泓清水, 千家万户) into numbers. The functions
here are pure and total over their input pattern: anything they cannot read
gives `None`, never an exception, so one odd span cannot stop an article.
"""

from __future__ import annotations

from . import recache as re

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10**4, "亿": 10**8}
MAGNITUDES = {**CN_SMALL_UNITS, **CN_BIG_UNITS}

# Characters that may appear in a Chinese numeral as `figures` cuts it.
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

# Full-width digits and separators seen in e-paper text.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
# Signs of an approximate amount written inside the number ("20余万", "7100多");
# the figure keeps them in its text, the value ignores them.
APPROX_MARKS = "余多"

_ARABIC_RE = re.compile(r"^([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十百千万亿]*)$")
_CN_DECIMAL_RE = re.compile(r"^(.*?)点([零〇○一二三四五六七八九]+)$")
_FRACTION_RE = re.compile(r"^(.+?)分之(.+)$")


def _tidy(value: float) -> float | int:
    """Drop float noise (1.1e9 * ... = 1190000000.0000002) and integral floats."""
    value = round(value, 6)
    return int(value) if value == int(value) else value


def is_digit_string(s: str) -> bool:
    """A Chinese numeral read digit by digit (二〇三五, 一两): a year or a code, not an amount."""
    return len(s) > 1 and all(ch in CN_DIGITS for ch in s)


def cn_integer(s: str) -> int | None:
    """Positional Chinese integer: 十 → 10, 二百 → 200, 三亿五千万 → 350000000, 万亿 → 10**12."""
    if not s or any(ch not in CN_NUMERAL_CHARS for ch in s):
        return None
    if is_digit_string(s):
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0  # completed 亿 groups
    section = 0  # below the current big unit
    number = 0  # the pending digit
    last_unit = 1  # the unit written last (百 in 两百五)
    zero = False  # a 零 since that unit (一万零二 is 10002, 一万二 is 12000)
    for ch in s:
        if ch in CN_DIGITS:
            number = CN_DIGITS[ch]
            zero = zero or number == 0
        elif ch in CN_SMALL_UNITS:
            section += (number or 1) * CN_SMALL_UNITS[ch]
            number, last_unit, zero = 0, CN_SMALL_UNITS[ch], False
        else:  # 万 / 亿
            section += number
            number, last_unit, zero = 0, CN_BIG_UNITS[ch], False
            if section == 0 and total == 0:
                section = 1  # a bare 万 / 亿
            if ch == "亿":
                total = (total + section) * 10**8
                section = 0
            else:
                if section == 0:  # 亿万: treat 万 as multiplying what came before
                    total *= 10**4
                else:
                    section *= 10**4
    if number and last_unit >= 100 and not zero:
        # the spoken short form: a last digit right after 百/千/万/亿 counts the unit
        # below it (两百五 = 250, 三万五 = 35000); after 十 it is the ones (十五 = 15)
        number *= last_unit // 10
    return total + section + number


def cn_number(s: str) -> float | int | None:
    """Chinese numeral with an optional decimal part: 十点八 → 10.8."""
    m = _CN_DECIMAL_RE.match(s)
    if m:
        whole = cn_integer(m.group(1)) if m.group(1) else 0
        if whole is None:
            return None
        frac = "".join(str(CN_DIGITS[ch]) for ch in m.group(2))
        return _tidy(float(f"{whole}.{frac}"))
    return cn_integer(s)


def magnitude(s: str) -> int:
    """The factor of a run of magnitude characters written after a number: 万亿 → 10**12."""
    factor = 1
    for ch in s:
        factor *= MAGNITUDES[ch]
    return factor


def parse_number(s: str) -> float | int | None:
    """One number as written, Arabic, Chinese or mixed, to its value.

    "11.9亿" → 1190000000, "9.7余万" → 97000, "三分之二" → 0.666667,
    "百分之十三点一" → 13.1 (a percentage keeps its percent number),
    "1,200" → 1200, "二百" → 200. Returns None when `s` is not a number.
    """
    if not s:
        return None
    s = s.translate(_FULLWIDTH).strip()
    for mark in APPROX_MARKS:
        s = s.replace(mark, "")
    if s.startswith("百分之"):
        return parse_number(s[3:])
    if s.startswith("千分之"):
        return parse_number(s[3:])
    m = _FRACTION_RE.match(s)
    if m:
        den = parse_number(m.group(1))
        num = parse_number(m.group(2))
        if not den or num is None:
            return None
        return _tidy(num / den)
    m = _ARABIC_RE.match(s)
    if m:
        base = float(m.group(1).replace(",", ""))
        return _tidy(base * magnitude(m.group(2)))
    # Chinese, possibly with trailing big units already inside (三千万).
    return cn_number(s)


def is_percent_form(s: str) -> bool:
    """百分之X is a percentage; the value is X, the unit %."""
    return s.startswith("百分之")
