"""privaudit's PDQ against ThreatExchange's reference hashes (the PDQ docs' bar:
within 10 bits at quality >= 80) and its dihedral variants against the 8 files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from privaudit.media import pdq
from privaudit.media.images import load_luma
from privaudit.media.model import MATCH_THRESHOLD, MIN_QUALITY


def test_bridge_hashes_are_within_10_bits_of_the_reference(pdq_dir: Path) -> None:
    text = (pdq_dir / "reference-hashes.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(text.splitlines()))
    assert len(rows) == 12
    for ref_hex, ref_quality, name in rows:
        got = pdq.hash_luma(load_luma(pdq_dir / name))
        if int(ref_quality) >= 80:
            assert got.quality >= 80, name
            assert pdq.distance(got.bits, pdq.from_hex(ref_hex)) <= 10, name


def test_dihedral_variants_match_the_rotated_and_flipped_files(pdq_dir: Path) -> None:
    dih = pdq_dir / "reg-test-input" / "dih"
    variants = pdq.hash_luma_dihedral(load_luma(dih / "bridge-1-original.jpg"))
    files = sorted(dih.iterdir())
    assert [f.name.split("-", 2)[2].removesuffix(".jpg") for f in files] == [
        "original", "rotate-90", "rotate-180", "rotate-270",
        "flipx", "flipy", "flip-plus-1", "flip-minus-1",
    ]  # fmt: skip
    for name, variant, file in zip(pdq.DIHEDRAL, variants, files, strict=True):
        direct = pdq.hash_luma(load_luma(file))
        d = pdq.distance(direct.bits, variant.bits)
        others = [pdq.distance(direct.bits, v.bits) for v in variants if v is not variant]
        assert d <= MATCH_THRESHOLD, (name, d)
        assert min(others) > 90, name  # and it is that variant, not another


def test_hex_form_round_trips_and_distance_counts_bits() -> None:
    a = pdq.from_hex("f" * 64)
    b = pdq.from_hex("0" * 63 + "7")
    assert pdq.distance(a, b) == 253
    with pytest.raises(ValueError, match="64 hexadecimal"):
        pdq.from_hex("abcd")


def test_a_flat_image_has_low_quality() -> None:
    import numpy as np

    assert pdq.hash_luma(np.full((100, 100), 128.0)).quality < MIN_QUALITY
