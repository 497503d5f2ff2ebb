"""The provenance invariant: every extracted item points at its own text.

`article.text[start:end] == item.text` for every mention, statement, list
item and figure on every example page (whatever the extractors find, they
must never point at the wrong characters).
"""

from __future__ import annotations


def _spans(article):
    for p in article.people:
        for m in p.mentions:
            yield "person", m.text, m.start, m.end
        for t in p.title_mentions:
            if t.get("start") is not None:
                yield "title", t.get("title") or t.get("text"), t["start"], t["end"]
    for o in article.organizations:
        for m in o.mentions:
            yield "organization", m.text, m.start, m.end
    for pl in article.places:
        for m in pl.mentions:
            yield "place", m.text, m.start, m.end
    for s in article.statements:
        yield "statement", s.text, s.start, s.end
        if s.speaker_start is not None and s.speaker_end is not None:
            assert 0 <= s.speaker_start < s.speaker_end <= len(article.text)
        if s.topic and s.topic_start is not None:
            yield "topic", s.topic, s.topic_start, s.topic_end
    for lst in article.lists:
        for item in lst.items:
            yield "list item", item.text, item.start, item.end
    for f in article.figures:
        yield "figure", f.text, f.start, f.end
        if f.indicator and f.indicator_start is not None:
            yield "indicator", f.indicator, f.indicator_start, f.indicator_end


def test_every_item_points_at_its_text(extracted_examples):
    checked = 0
    for path, page, _ in extracted_examples:
        for article in page.articles:
            for kind, text, start, end in _spans(article):
                assert 0 <= start <= end <= len(article.text), (path.name, kind, text)
                assert article.text[start:end] == text, (path.name, kind, text, article.text[start:end])
                checked += 1
    assert checked > 100  # the example pages hold hundreds of items


def test_byline_people_have_no_body_offsets(extracted_examples):
    for _, page, _ in extracted_examples:
        for article in page.articles:
            for p in article.people:
                if p.source == "byline":
                    assert p.mentions == [] or all(article.text[m.start : m.end] == m.text for m in p.mentions)
