"""Reading inputs: encodings a Chinese user meets, and clear refusals."""

from __future__ import annotations

import pytest

import zhnews
from zhnews.errors import InputError
from zhnews.read import decode, discover


@pytest.fixture(scope="module")
def page_text(shanxi_page):
    return shanxi_page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_same_page_in_any_encoding_gives_identical_output(tmp_path, page_text, encoding):
    reference = zhnews.extract(page_text, name="shanxi-daily-2025-03-07.txt").to_dict()
    path = tmp_path / "shanxi-daily-2025-03-07.txt"
    path.write_bytes(page_text.encode(encoding, errors="strict"))
    page = zhnews.extract(path).to_dict()
    page.pop("encoding"), reference.pop("encoding")
    assert page == reference


def test_windows_line_ends_do_not_change_articles(tmp_path, page_text):
    path = tmp_path / "shanxi-daily-2025-03-07.txt"
    path.write_bytes(page_text.replace("\n", "\r\n").encode("gb18030"))
    a = zhnews.extract(path)
    b = zhnews.extract(page_text, name="shanxi-daily-2025-03-07.txt")
    assert [x.text for x in a.articles] == [x.text for x in b.articles]


def test_decode_reports_encoding():
    text, enc = decode("本报北京电 山西代表团".encode("gb18030"))
    assert text == "本报北京电 山西代表团"
    assert enc == "gb18030"
    assert decode("\ufeff山西".encode("utf-8"))[1] == "utf-8-sig"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00" * 50, "binary"),
        (bytes(range(256)) * 40, "binary"),
    ],
)
def test_decode_refuses_non_text(data, reason):
    with pytest.raises(InputError) as exc:
        decode(data, "x.txt")
    assert reason in str(exc.value)
    assert str(exc.value).startswith("x.txt: ")


def test_not_a_chinese_page_is_refused():
    with pytest.raises(InputError, match="not a Chinese newspaper page"):
        zhnews.extract("This is an English text about nothing in particular.\n" * 20)


def test_huge_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.seek(100 * 1024 * 1024)
        fh.write(b"\n")
    with pytest.raises(InputError, match="too large"):
        zhnews.extract(big)


def test_discover_walks_folders_and_reports_missing(tmp_path):
    (tmp_path / "a.txt").write_text("山西", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>山西</p>", encoding="utf-8")
    (tmp_path / "c.gold.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    found = discover([str(tmp_path), str(tmp_path / "missing.txt")])
    names = [getattr(f, "name", None) for f in found]
    assert str(tmp_path / "a.txt") in names
    assert str(tmp_path / "sub" / "b.html") in names
    assert not any(n and n.endswith((".gold.json", ".md")) for n in names)
    assert isinstance(found[-1], InputError) and "no such file" in str(found[-1])
