"""Numeral parsing: the spans figures cuts out, read to values."""

import pytest

from zhnews.numerals import cn_integer, is_digit_string, parse_number


@pytest.mark.parametrize(
    "written, value",
    [
        # Arabic with Chinese magnitudes (山西日报, 人民日报 statistics)
        ("11.9亿", 1190000000),
        ("167亿", 16700000000),
        ("10.8亿", 1080000000),
        ("233.98万", 2339800),
        ("2.2万亿", 2200000000000),
        ("1.5万", 15000),
        ("3千", 3000),
        ("1,200", 1200),
        ("７１００", 7100),  # full-width digits
        ("13.1", 13.1),
        # 余/多 inside the number are read past
        ("9.7余万", 97000),
        ("20余万", 200000),
        ("2.4万余", 24000),
        ("7100多", 7100),
        # Chinese numerals
        ("两", 2),
        ("十", 10),
        ("十五", 15),
        ("二十五", 25),
        ("二百", 200),
        ("五百", 500),
        ("一百零五", 105),
        ("三千", 3000),
        ("一万五千", 15000),
        ("二十万三千", 203000),
        ("三亿五千万", 350000000),
        ("千亿", 100000000000),
        ("万亿", 1000000000000),
        ("两万亿", 2000000000000),
        ("十点八", 10.8),
        # fractions and percentages
        ("百分之十三点一", 13.1),
        ("百分之五十", 50),
        ("三分之二", 0.666667),
        ("四分之一", 0.25),
        # digit by digit: a year, not an amount
        ("二〇三五", 2035),
    ],
)
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value, rel=1e-6)


@pytest.mark.parametrize("written", ["", "abc", "万x", "分之"])
def test_not_numbers_give_none(written):
    assert parse_number(written) is None


def test_integral_values_are_ints():
    assert isinstance(parse_number("11.9亿"), int)
    assert isinstance(parse_number("13.1"), float)


def test_digit_strings():
    assert is_digit_string("二〇三五")
    assert is_digit_string("一两")
    assert not is_digit_string("二十")
    assert not is_digit_string("五")
    assert cn_integer("二〇三五") == 2035


@pytest.mark.parametrize(
    "written, value",
    [("一万二", 12000), ("三万五", 35000), ("两百五", 250), ("一千二", 1200), ("三千五", 3500), ("三千五百", 3500),
     ("一亿二", 120000000), ("二十万三", 203000), ("一万零二", 10002), ("二百零五", 205), ("一万二百", 10200)],
)
def test_spoken_short_forms(written, value):
    """A last digit right after 百/千/万/亿 counts the next smaller unit (一万二人次 = 12000)."""
    assert cn_integer(written) == value


def _generated_numerals(n: int, seed: int) -> list[str]:
    """Numerals as papers write them: full forms of random integers (with 零 where a unit is skipped)
    and spoken short forms (一万二, 两百五, 三万两千五), with 两 for 2 before a unit now and then."""
    import random

    import cn2an

    rnd = random.Random(seed)
    digits = "一二三四五六七八九"
    out = []
    for _ in range(n):
        kind = rnd.random()
        if kind < 0.5:
            s = cn2an.an2cn(str(rnd.choice([rnd.randint(1, 999), rnd.randint(1000, 99999), rnd.randint(1, 10**9)])))
        else:
            unit = rnd.choice("百千万")
            s = rnd.choice(digits) + unit + rnd.choice(digits)
            if unit == "千" and rnd.random() < 0.3:  # 三万两千五
                s = rnd.choice(digits) + "万" + s
        if rnd.random() < 0.2:
            s = s.replace("二百", "两百").replace("二千", "两千").replace("二万", "两万")
            s = "两" + s[1:] if s.startswith("二") and len(s) > 1 and s[1] in "百千万" else s
        out.append(s)
    return out


def test_numeral_reader_agrees_with_cn2an():
    import cn2an  # a dev dependency (pyproject.toml): missing, the test must fail, not skip
    numerals = _generated_numerals(4000, seed=18)
    wrong = [(s, cn_integer(s), cn2an.cn2an(s, "normal")) for s in numerals
             if cn_integer(s) != cn2an.cn2an(s, "normal")]
    assert not wrong, wrong[:10]
    assert len(set(numerals)) > 1500  # not a handful of repeats
