"""benchmarks/bounds_dev.py: its hand-read gold names records of its own halves,
none a held-out page was built from, and every start and end occurs in its record."""

from conftest import load_script

bounds_dev = load_script("benchmarks/bounds_dev.py")


def test_gold_strings_occur_in_their_records_and_halves_stay_apart():
    gold = bounds_dev.read_gold()
    seen = {}
    for half in ("dev", "check"):
        for r in bounds_dev.records(half):
            seen[bounds_dev.key_of(r)] = (half, "".join(bounds_dev.build_pages.clean_paragraphs(r)))
    assert len(gold) >= 90
    for key, g in gold.items():
        half, text = seen[key]
        assert g["half"] == half
        assert g["body_starts"] in text and g["body_ends"] in text
    tails = bounds_dev.orgs_recall.heldout_tails()
    assert not any(text[-40:] in tails for _, text in seen.values())
