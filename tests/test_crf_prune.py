"""Pruning a crfsuite model's small weights (entities.crf_prune): the writer
mirrors crfsuite's, and a pruned file is one pycrfsuite and the numpy decoder read alike."""

from __future__ import annotations

import pytest

from zhnews.entities import crf_prune, tagger, train, train_tagger

pycrfsuite = pytest.importorskip("pycrfsuite")
CORPUS = train.DEFAULT_DATA / "cluener2020.train.jsonl"


@pytest.mark.skipif(not tagger.MODEL_PATH.exists(), reason="model not built")
def test_prune_at_zero_rewrites_the_model_byte_for_byte():
    buf = tagger.MODEL_PATH.read_bytes()
    assert crf_prune.prune(buf, 0.0) == buf


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/data not beside the repository")
def test_a_pruned_model_keeps_its_large_weights_and_both_decoders_agree(tmp_path):
    sents = train.load_cluener(CORPUS)[:300]
    path = train_tagger.fit(sents, tmp_path / "a.crfsuite", max_iterations=15, prune_below=0)
    buf = path.read_bytes()
    small = tmp_path / "p.crfsuite"
    small.write_bytes(crf_prune.prune(buf, 0.05))
    assert small.stat().st_size < len(buf)
    labels, attrs, feats = tagger.read_model(path)
    plabels, pattrs, pfeats = tagger.read_model(small)
    assert plabels == labels
    big = {(attrs[f["src"]] if f["type"] == 0 else f["src"], f["type"], f["dst"]): f["weight"]
           for f in feats if f["type"] == 1 or abs(f["weight"]) >= 0.05}
    got = {(pattrs[f["src"]] if f["type"] == 0 else f["src"], f["type"], f["dst"]): f["weight"] for f in pfeats}
    assert got == big
    crf = pycrfsuite.Tagger()
    crf.open(str(small))  # crfsuite finds every attribute through the rewritten hash tables
    info = crf.info()
    assert len(info.attributes) == len(pattrs)
    assert {(a, l): w for (a, l), w in info.state_features.items()} == {
        (pattrs[f["src"]], plabels[f["dst"]]): pytest.approx(f["weight"], abs=1e-6) for f in pfeats if f["type"] == 0}  # info() prints 6 decimals
    tg = tagger.Tagger(small)
    for text, _ in sents[:40]:
        assert tg.tag(text * 3) == tg.tag_crfsuite(text * 3)  # long enough for the numpy decoder
