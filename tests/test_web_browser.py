"""End to end in a real browser: `zhnews serve` (the real CLI, a real uvicorn
server on a free port) driven by Playwright through Debian's Chromium.

Clicks through search → article → person/speaker → figures → upload, checks
that every highlighted span is exactly the stored characters, and writes
screenshots of each page at desktop and phone widths to
tests/_artifacts/screenshots/.

Chromium is installed by .ci/run (apt-get install chromium fonts-wqy-zenhei);
without it these tests skip on a developer machine and fail in CI.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from web_fixtures import build_db, example_pages

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parent / "_artifacts" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Seconds for the server to start answering.
SERVER_START_TIMEOUT = 30


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright; never `playwright install`)")
    if not os.path.exists(CHROMIUM):
        _unavailable(f"{CHROMIUM} not found (apt-get install -y chromium fonts-wqy-zenhei)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from serve(build_db(tmp_path_factory.mktemp("kbweb")), tmp_path_factory)


def serve(db, tmp_path_factory):
    """`zhnews serve DB` on a free port until the generator is closed: yields (base URL, db)."""
    port = free_port()
    log = tmp_path_factory.mktemp("log") / "serve.log"
    with open(log, "w") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "zhnews.cli", "serve", str(db), "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        try:
            urllib.request.urlopen(base + "/api/stats", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"zhnews serve did not start: {log.read_text()}")
            time.sleep(0.2)
    yield base, db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.loads(r.read())


def shoot(page, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def read_marks(page) -> list[dict]:
    return page.eval_on_selector_all(
        "article .body mark.hl",
        "ms => ms.map(m => ({id: m.dataset.id, type: m.dataset.type, start: +m.dataset.start, end: +m.dataset.end, "
        "itemStart: +m.dataset.itemStart, itemEnd: +m.dataset.itemEnd, text: m.textContent}))")


def check_article_page(page, view: dict) -> list[dict]:
    """The rendered body is the stored text, and each mark is text[start:end]
    (Python slices code points; the browser's textContent is compared whole)."""
    text = view["text"]
    assert page.eval_on_selector("article .body", "b => b.textContent") == text
    marks = read_marks(page)
    items = {it["id"]: it for it in view["items"]}
    for m in marks:
        assert text[m["start"]:m["end"]] == m["text"], m
        it = items[m["id"]]
        assert (m["itemStart"], m["itemEnd"]) == (it["start"], it["end"]) and m["type"] == it["type"]
    assert {m["id"] for m in marks} == set(items)
    return marks


def pick_article(base: str, db) -> dict:
    """An article with statements and figures: the richest page to click through."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    row = con.execute(
        "SELECT a.id, a.headline FROM articles a WHERE EXISTS (SELECT 1 FROM statements s WHERE s.article_id = a.id "
        "AND s.speaker IS NOT NULL) ORDER BY (SELECT COUNT(*) FROM figures f WHERE f.article_id = a.id) DESC, a.id "
        "LIMIT 1").fetchone()
    con.close()
    assert row, "the example pages hold an article with a named speaker"
    return get_json(f"{base}/api/articles/{row[0]}")


def marks_on_screen(page, chart: str, device: str) -> int:
    """How many points/bars the one visible chart matching `chart` draws, each checked to lie
    on the screen: a phone once had the titles timeline's dots and a figure series' later points
    scrolled out of sight, right of a chart kept wider than the screen."""
    shown = page.locator(f"{chart}:visible")
    assert shown.count() == 1
    marks = shown.locator("circle.point, rect.bar")
    for i in range(marks.count()):
        box = marks.nth(i).bounding_box()
        assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= VIEWPORTS[device]["width"], i
    return marks.count()


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_click_through(browser, server, device):
    base, db = server
    view = pick_article(base, db)
    ctx = browser.new_context(viewport=VIEWPORTS[device], device_scale_factor=1, locale="zh-CN")
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    # search
    page.goto(base + "/")
    shoot(page, f"home-{device}")
    word = next(view["headline"][i:i + 2] for i in range(len(view["headline"]))
                if all("\u4e00" <= c <= "\u9fff" for c in view["headline"][i:i + 2]))
    page.fill("input[name=q]", word)
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.results")
    assert page.locator("mark.hit").count() >= 1
    shoot(page, f"search-{device}")

    # article
    page.click(f"ol.results a[href='/articles/{view['article_id']}']")
    page.wait_for_selector("html[data-ready='1']")
    marks = check_article_page(page, view)
    assert marks
    shoot(page, f"article-{device}")
    # Click a figure (or any item): the record panel shows that item's offsets.
    target = next((m for m in marks if m["type"] == "figure"), marks[0])
    page.locator(f"article .body mark[data-id='{target['id']}']").first.click()
    panel = page.locator("aside.record .offsets")
    panel.wait_for()
    assert panel.text_content() == f"[{target['itemStart']}, {target['itemEnd']})"
    assert page.locator("mark.hl.selected").count() >= 1
    shoot(page, f"article-record-{device}")
    # Toggle a type off: its marks lose their colour; on again: back.
    t = target["type"]
    sel = f"article .body mark[data-id='{target['id']}']"
    colour = page.eval_on_selector(sel, "m => getComputedStyle(m).backgroundColor")
    page.uncheck(f".toggles input[data-type='{t}']")
    assert page.eval_on_selector(sel, "m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    page.check(f".toggles input[data-type='{t}']")
    assert page.eval_on_selector(sel, "m => getComputedStyle(m).backgroundColor") == colour
    # Chinese text is set in a CJK font the machine has, at a reading line height.
    font, lh, size = page.eval_on_selector(
        "article .body", "b => [getComputedStyle(b).fontFamily, parseFloat(getComputedStyle(b).lineHeight), "
        "parseFloat(getComputedStyle(b).fontSize)]")
    assert "WenQuanYi Zen Hei" in font and 1.6 <= lh / size <= 2.0

    # person (a person record when the people stage found one, else the speaker's page)
    speaker_link = page.locator("ol.statements a[href^='/people/'], ol.statements a.speaker").first
    name = speaker_link.text_content()
    if device == "phone":
        page.locator("aside.record .close").click()
    speaker_link.click()
    page.wait_for_selector("h1.person-name")
    assert page.locator("h1.person-name").text_content() == name
    assert page.locator("ol.statements > li blockquote").count() >= 1
    # the titles timeline shows every title's dot or bar on the screen (a phone once had them
    # scrolled out of sight, right of a title column wider than the screen)
    if page.locator("svg.chart.timeline").count():
        marks = marks_on_screen(page, "svg.chart.timeline", device)
        assert marks == page.locator("svg.chart.timeline:visible text.tlabel").count() >= 1
    if page.locator("svg.chart.bars").count():
        assert marks_on_screen(page, "svg.chart.bars", device) >= 1
    shoot(page, f"person-{device}", full_page=device == "desktop")
    # a statement on the person page leads back to its span in the article
    page.locator("ol.statements > li .meta a[href*='?hl=']").first.click()
    page.wait_for_selector("html[data-ready='1']")
    assert page.locator("mark.hl.selected").count() >= 1

    # figures
    page.goto(base + "/figures")
    units = page.eval_on_selector_all("select[name=unit] option", "os => os.map(o => o.value).filter(v => v)")
    assert units
    page.select_option("select[name=unit]", units[0])
    page.click(".figure-filters button[type=submit]")
    page.wait_for_selector("svg.chart:visible")
    rows = page.locator("table.figures-table tbody a.figure-link").count()
    api = get_json(f"{base}/api/figures?unit={urllib.request.quote(units[0])}")
    assert rows == len(api["figures"]) and marks_on_screen(page, "svg.chart", device) == len(api["series"]["points"])
    shoot(page, f"figures-{device}", full_page=device == "desktop")
    href = page.locator("table.figures-table tbody a.figure-link").first.get_attribute("href")
    page.locator("table.figures-table tbody a.figure-link").first.click()
    page.wait_for_selector("html[data-ready='1']")
    s, e = href.split("hl=")[1].split("-")
    flashed = page.locator(f"mark.hl.flash[data-item-start='{s}'][data-item-end='{e}']")
    assert flashed.count() >= 1
    aid = int(href.split("/articles/")[1].split("?")[0])
    check_article_page(page, get_json(f"{base}/api/articles/{aid}"))
    shoot(page, f"figure-in-article-{device}")

    # organizations and people lists
    page.goto(base + "/organizations")
    shoot(page, f"organizations-{device}")
    page.goto(base + "/people")
    shoot(page, f"people-{device}")

    assert not errors, errors
    ctx.close()


def test_paste_a_page(browser, server):
    base, _ = server
    ctx = browser.new_context(viewport=VIEWPORTS["desktop"], locale="zh-CN")
    page = ctx.new_page()
    page.goto(base + "/extract")
    text = example_pages()[0].read_text(encoding="utf-8")
    page.fill("textarea[name=text]", text)
    page.click("form.extract button[type=submit]")
    page.wait_for_selector("html[data-ready='1']")
    arts = page.locator("article.article")
    assert arts.count() >= 1
    assert "not stored" in page.locator("article .source").first.text_content()
    # Every mark of every extracted article equals its slice of that article's text.
    for i in range(arts.count()):
        art = arts.nth(i)
        text_i = art.locator(".body").text_content()
        for m in art.locator(".body mark.hl").evaluate_all(
                "ms => ms.map(m => [+m.dataset.start, +m.dataset.end, m.textContent])"):
            assert text_i[m[0]:m[1]] == m[2]
    shoot(page, "extract-desktop")
    ctx.close()
    stats = get_json(base + "/api/stats")
    assert stats["counts"]["pages"] == len(example_pages())  # nothing was stored


@pytest.fixture(scope="module")
def scan_server(tmp_path_factory):
    """A base made by the real CLI from a real scan (scripts/render_scan.py of
    the 山西日报 example: typeset, rasterized at 150 dpi, JPEG-compressed, OCR'd
    on ingest) and the same page as text."""
    from zhnews.formats import ocr

    if not ocr.available():
        _unavailable("tesseract not installed (scripts/setup.sh installs it)")
    folder = tmp_path_factory.mktemp("kbscan")
    text = next(p for p in example_pages() if p.name == "shanxi-daily-2025-03-07.txt")
    (folder / text.name).write_bytes(text.read_bytes())
    scans = folder / "scans"
    subprocess.run([sys.executable, str(Path(__file__).resolve().parents[1] / "scripts" / "render_scan.py"),
                    str(text), str(scans)], check=True, capture_output=True, timeout=300)
    db = folder / "kb.db"
    r = subprocess.run([sys.executable, "-m", "zhnews", "ingest", str(scans / (text.stem + ".png")),
                        str(folder / text.name), "--db", str(db), "--jobs", "1"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    from PIL import Image

    with Image.open(scans / (text.stem + ".png")) as im:
        size = im.size
    for base, _ in serve(db, tmp_path_factory):
        yield base, db, size


def _article_ids(db, fmt: str) -> list[int]:
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id "
                                          "WHERE p.format = ? ORDER BY a.id", [fmt])]
    finally:
        con.close()


@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_a_scanned_article_shows_where_it_is_printed(browser, scan_server, device):
    """The article view of a scanned page shows the part of the page image the
    article was read from (loaded: naturalWidth > 0, cut to the article's
    regions); the same article from the text page shows no image at all."""
    from zhnews.web.region import MARGIN

    base, db, (scan_w, scan_h) = scan_server
    ctx = browser.new_context(viewport=VIEWPORTS[device], device_scale_factor=1, locale="zh-CN")
    page = ctx.new_page()
    try:
        scanned = _article_ids(db, "image")
        assert scanned
        for aid in scanned:
            view = get_json(f"{base}/api/articles/{aid}")
            page.goto(f"{base}/articles/{aid}")
            img = page.locator(".page-region img")
            assert img.count() == len(view["region_images"]) == 1
            img.first.scroll_into_view_if_needed()
            page.wait_for_function("() => [...document.images].every(i => i.complete)")
            natural = img.first.evaluate("i => [i.naturalWidth, i.naturalHeight]")
            assert natural[0] > 0 and natural[1] > 0
            # the page cut to the article's boxes plus the margin: its shape is theirs
            r = view["regions"]
            mx, my = MARGIN, MARGIN * scan_w / scan_h
            w = min(1, max(b["x1"] for b in r) + mx) - max(0, min(b["x0"] for b in r) - mx)
            h = min(1, max(b["y1"] for b in r) + my) - max(0, min(b["y0"] for b in r) - my)
            assert abs((natural[0] / natural[1]) / (w * scan_w / (h * scan_h)) - 1) < 0.02, (natural, w, h)
            shoot(page, f"scan-region-{aid}-{device}", full_page=device == "phone")
            shown = img.first.bounding_box()
            assert shown["width"] > 0 and shown["width"] <= VIEWPORTS[device]["width"]
        for aid in _article_ids(db, "text"):
            page.goto(f"{base}/articles/{aid}")
            assert page.locator(".page-region").count() == 0
            broken = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth === 0).length")
            assert broken == 0
        shoot(page, f"text-no-region-{device}")
    finally:
        ctx.close()
