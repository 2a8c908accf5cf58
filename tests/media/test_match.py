"""Fingerprint -> transform -> match, end to end through the CLI, on generated
photos and on ThreatExchange's real bridge photo."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.media.photos import TRANSFORMS, generated_photo

Photos = Callable[..., list[Path]]


def _suspects(originals: list[Path], folder: Path) -> dict[str, list[Path]]:
    folder.mkdir()
    out: dict[str, list[Path]] = {}
    for name, transform in TRANSFORMS.items():
        out[name] = []
        for i, path in enumerate(originals):
            target = folder / f"{name}-{i}.jpg"
            with Image.open(path) as im:
                transform(im.convert("RGB")).save(target, quality=90)
            out[name].append(target)
    return out


def test_every_transform_of_generated_photos_matches(cli, photos: Photos, tmp_path: Path) -> None:
    originals = photos(4)
    assert cli("media", "fingerprint", *map(str, originals), "--label", "mine").code == 0
    suspects = _suspects(originals, tmp_path / "suspects")
    for name, paths in suspects.items():
        result = cli("media", "match", "--format", "json", *map(str, paths))
        assert result.code == 1, name
        verdicts = json.loads(result.out)
        for i, verdict in enumerate(verdicts):
            assert verdict["matched"], (name, i, verdict)
            assert verdict["label"] == "mine"
            assert verdict["distance"] <= 31
            assert Path(verdict["path"]).name == f"{name}-{i}.jpg"


def test_unrelated_photos_do_not_match(cli, photos: Photos) -> None:
    assert cli("media", "fingerprint", *map(str, photos(5))).code == 0
    result = cli("media", "match", "--format", "json", *map(str, photos(8, start=100)))
    assert result.code == 0, result.out
    assert not any(v["matched"] for v in json.loads(result.out))


def test_real_photo_transformed_matches(cli, pdq_dir: Path, tmp_path: Path) -> None:
    original = pdq_dir / "bridge-mods" / "aaa-orig.jpg"
    assert cli("media", "fingerprint", str(original), "--label", "bridge").code == 0
    suspects = _suspects([original], tmp_path / "bridge")
    paths = [p for group in suspects.values() for p in group]
    paths += sorted((pdq_dir / "reg-test-input" / "dih").iterdir())
    paths += sorted((pdq_dir / "bridge-mods").iterdir())
    result = cli("media", "match", "--format", "json", *map(str, paths))
    verdicts = json.loads(result.out)
    assert result.code == 1
    assert [v["path"] for v in verdicts if not v["matched"]] == []


def test_identical_file_matches_by_hash_and_table_names_it(cli, photos: Photos) -> None:
    [path] = photos(1)
    cli("media", "fingerprint", str(path), "--label", "holiday")
    result = cli("media", "match", str(path))
    assert result.code == 1
    assert "MATCH" in result.out and "identical" in result.out
    assert "holiday" in result.out
    assert "1 of 1 file(s) match" in result.out


def test_match_with_an_empty_hash_list_is_a_usage_error(cli, photos: Photos) -> None:
    result = cli("media", "match", str(photos(1)[0]))
    assert result.code == 2
    assert "media fingerprint" in result.err
    assert "Traceback" not in result.err


def test_unreadable_suspect_is_named_and_never_reads_as_no_match(
    cli, photos: Photos, tmp_path: Path
) -> None:
    cli("media", "fingerprint", str(photos(1)[0]))
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = cli("media", "match", "--format", "json", str(broken), str(tmp_path / "gone.png"))
    assert result.code == 3
    outcomes = {Path(v["path"]).name: v["outcome"] for v in json.loads(result.out)}
    assert outcomes == {"broken.jpg": "unreadable", "gone.png": "unreadable"}


def test_fingerprint_counts_and_names_what_it_skipped(cli, photos: Photos, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    result = cli("media", "fingerprint", str(photos(2)[0]), str(notes), str(bad))
    assert result.code == 0
    assert "1 unreadable: " in result.err and "bad.png" in result.err
    assert "1 not media: " in result.err and "notes.txt" in result.err
    assert "fingerprinted 1 image(s)" in result.err


def test_fingerprint_of_nothing_usable_exits_2(cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    result = cli("media", "fingerprint", str(notes))
    assert result.code == 2


def test_refingerprinting_keeps_one_entry(cli, photos: Photos) -> None:
    [path] = photos(1)
    cli("media", "fingerprint", str(path))
    result = cli("media", "fingerprint", str(path))
    assert "0 new in the hash list (1 in all)" in result.err


@pytest.mark.parametrize("fmt", ["png", "webp", "heic"])
def test_image_formats(cli, fmt: str, tmp_path: Path) -> None:
    if fmt == "heic":
        pytest.importorskip("pillow_heif", reason="HEIC needs pillow-heif")
        from privaudit.media.images import heif_supported

        assert heif_supported()
    image = generated_photo(7)
    path = tmp_path / f"photo.{fmt}"
    image.save(path, quality=90) if fmt != "png" else image.save(path)
    assert cli("media", "fingerprint", str(path)).code == 0
    again = tmp_path / "again.jpg"
    image.save(again, quality=60)
    assert cli("media", "match", str(again)).code == 1
