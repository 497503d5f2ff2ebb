"""Drop a crfsuite CRF1d model's smallest weights and write the file again.

Why: L1 (c1) is what keeps the tagger's model file small, but the c1 that fits
the size budget also zeroes weights the tagger could use (issue 14: c1 0.1 read
higher dev and held-out PER F1 than the shipped 0.15, at 8.3 MB against 6.7).
Training at the smaller c1 and then dropping the weights whose magnitude is
below a threshold keeps the large weights as trained and buys the room back:
a weight of |w| < 0.01-0.03 moves a state score by less than the PER bias's
tenth. crfsuite itself already drops the zero weights when it saves a model
(crf1dl_save_model); this does the same with a threshold.

The file layout (crfsuite's crf1d_model.c, cqdb.c): a 48-byte header; the
features (type, src, dst, weight; 20 bytes each); the labels' and the
attributes' string tables (CQDB: records id, size, key + NUL, then 256 hash
tables, then the id → record array); the labels' and the attributes' feature
references. The hash of a key (lookup3's hashlittle) is read from the old
tables, so none is computed here. `prune(buf, 0)` gives back `buf` byte for
byte (tests/test_crf_prune.py): the writer mirrors crfsuite's.
"""

from __future__ import annotations

import struct

_HEADER = "<4sI4s9I"
_NUM_TABLES = 256
_CQDB_DATA = 24 + 8 * _NUM_TABLES  # chunk header + table references
_BYTEORDER = 0x62445371


def _read_cqdb(buf: bytes, off: int) -> list[tuple[int, str, int]]:
    """(id, key bytes with NUL, hash) of every record of the CQDB at off, in record order."""
    _, _, _, _, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", buf, off)
    hashes: dict[int, int] = {}
    for t in range(_NUM_TABLES):
        toff, num = struct.unpack_from("<II", buf, off + 24 + 8 * t)
        if toff:
            for k in range(num):
                h, roff = struct.unpack_from("<II", buf, off + toff + 8 * k)
                if roff:
                    hashes[roff] = h
    out = []
    for roff in sorted(hashes):
        rid, size = struct.unpack_from("<II", buf, off + roff)
        out.append((rid, buf[off + roff + 8 : off + roff + 8 + size], hashes[roff]))
    return out


def _write_cqdb(records: list[tuple[int, bytes, int]]) -> bytes:
    """A CQDB chunk of (id, key with NUL, hash) records, written as cqdb_writer_put /
    cqdb_writer_close write them (records in the order given)."""
    body = bytearray()
    tables: list[list[tuple[int, int]]] = [[] for _ in range(_NUM_TABLES)]
    bwd: dict[int, int] = {}
    cur = _CQDB_DATA
    for rid, key, h in records:
        body += struct.pack("<II", rid, len(key)) + key
        tables[h % _NUM_TABLES].append((h, cur))
        bwd[rid] = cur
        cur += 8 + len(key)
    refs = bytearray()
    for entries in tables:
        n = 2 * len(entries)
        refs += struct.pack("<II", cur if entries else 0, n)
        if not entries:
            continue
        slots = [(0, 0)] * n
        for h, roff in entries:
            k = (h >> 8) % n
            while slots[k][1]:
                k = (k + 1) % n
            slots[k] = (h, roff)
        body += b"".join(struct.pack("<II", *s) for s in slots)
        cur += 8 * n
    bwd_num = max(bwd) + 1 if bwd else 0
    bwd_off = cur if bwd_num else 0
    body += b"".join(struct.pack("<I", bwd.get(i, 0)) for i in range(bwd_num))
    size = _CQDB_DATA + len(body)
    return struct.pack("<4sIIIII", b"CQDB", size, 0, _BYTEORDER, bwd_num, bwd_off) + bytes(refs) + bytes(body)


def _refs(chunk: bytes, groups: dict[int, list[int]], num: int, base: int) -> bytes:
    """A feature-reference chunk (LFRF / AFRF) at file offset base (4-aligned):
    offsets of `num` slots (0 for a slot without a group), then each group (in
    the dict's order) its count and feature ids."""
    head = 12 + 4 * num
    offsets, body = [0] * num, bytearray()
    for slot, g in groups.items():
        offsets[slot] = base + head + len(body)
        body += struct.pack(f"<I{len(g)}I", len(g), *g)
    return struct.pack(f"<4sII{num}I", chunk, head + len(body), num, *offsets) + bytes(body)


def prune(buf: bytes, threshold: float, add: tuple[tuple[str, str], ...] = ()) -> bytes:
    """The model with every state feature of |weight| < threshold dropped (and the
    attributes left with none); transition weights are all kept. `add`: (attribute,
    label) state features to keep or give a weight of 0 when the model has none
    (the bias weights `tagger.with_per_bias` moves: L1 may have zeroed one); the
    attribute must be in the model."""
    import numpy as np

    magic, _, kind, version, _, n_labels, _, off_feat, off_labels, off_attrs, off_lrefs, _ = struct.unpack_from(_HEADER, buf, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ValueError("not a crfsuite CRF1d model")
    (num,) = struct.unpack_from("<I", buf, off_feat + 8)
    dtype = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
    feats = np.frombuffer(buf, dtype=dtype, count=num, offset=off_feat + 12)
    keep = (feats["type"] == 1) | (np.abs(feats["weight"]) >= threshold)
    if add:
        records = _read_cqdb(buf, off_attrs)
        aid = {key[:-1].decode("utf-8"): rid for rid, key, _ in records}
        lid = {key[:-1].decode("utf-8"): rid for rid, key, _ in _read_cqdb(buf, off_labels)}
        extra = []
        for a, lab in add:
            at = (feats["type"] == 0) & (feats["src"] == aid[a]) & (feats["dst"] == lid[lab])
            keep |= at
            if not at.any():
                extra.append((0, aid[a], lid[lab], 0.0))
        feats = np.concatenate([feats, np.array(extra, dtype=dtype)])
        keep = np.concatenate([keep, np.ones(len(extra), dtype=bool)])
    kept = np.array(feats[keep])
    state = kept["type"] == 0
    # attributes: new ids in the order of their first kept feature (as crfsuite numbers them)
    old_src = kept["src"][state]
    _, first = np.unique(old_src, return_index=True)
    order = old_src[np.sort(first)]
    amap = {int(a): i for i, a in enumerate(order.tolist())}
    kept["src"][state] = [amap[int(a)] for a in old_src.tolist()]
    labels_cqdb = buf[off_labels:off_attrs]
    attr_records = {rid: (key, h) for rid, key, h in _read_cqdb(buf, off_attrs)}
    # records (and their feature references) in the old file's record order: crfsuite
    # writes them in its dictionary's order, whatever their new ids
    rec_order = [rid for rid, _, _ in _read_cqdb(buf, off_attrs) if rid in amap]
    attrs_cqdb = _write_cqdb([(amap[a], *attr_records[a]) for a in rec_order])
    out = bytearray(b"\0" * 48)
    out += struct.pack("<4sII", b"FEAT", 12 + 20 * len(kept), len(kept)) + kept.tobytes()
    new_off_labels = len(out)
    out += labels_cqdb
    new_off_attrs = len(out)
    out += attrs_cqdb
    while len(out) % 4:
        out += b"\0"
    new_off_lrefs = len(out)
    fid = np.arange(len(kept))
    trans = kept["type"] == 1
    lgroups = {lid: fid[trans & (kept["src"] == lid)].tolist() for lid in range(n_labels)}
    out += _refs(b"LFRF", lgroups, n_labels + 2, new_off_lrefs)
    while len(out) % 4:
        out += b"\0"
    new_off_arefs = len(out)
    sfid, ssrc = fid[state], kept["src"][state]
    by = np.argsort(ssrc, kind="stable")
    bounds = np.searchsorted(ssrc[by], np.arange(len(order) + 1))
    agroups = {amap[a]: sfid[by[bounds[amap[a]] : bounds[amap[a] + 1]]].tolist() for a in rec_order}
    out += _refs(b"AFRF", agroups, len(order), new_off_arefs)
    # num_features: crfsuite leaves it 0 (crf1dmw_close_features never sets it)
    struct.pack_into(_HEADER, out, 0, magic, len(out), kind, version, 0, n_labels, len(order),
                     off_feat, new_off_labels, new_off_attrs, new_off_lrefs, new_off_arefs)
    return bytes(out)
