"""Safety by design: hashes only, private files, no network, one-line errors."""

from __future__ import annotations

import json
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.media.photos import generated_photo

Photos = Callable[..., list[Path]]
CANARY = "ExifCanary-5e1f"
ALLOWED_KEYS = {
    "id", "kind", "label", "size", "sha256", "md5", "pdq", "quality", "dihedral", "crops",
    "frames", "added", "name",
}  # fmt: skip


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("media commands must never touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def _photo_with_exif(folder: Path) -> Path:
    image = generated_photo(3, 640, 480)
    exif = Image.Exif()
    exif[0x010E] = CANARY  # ImageDescription
    exif[0x013B] = CANARY  # Artist
    path = folder / f"{CANARY}.jpg"
    image.save(path, quality=95, exif=exif, comment=CANARY.encode())
    return path


def test_nothing_written_or_printed_can_rebuild_the_image(
    cli, tmp_path: Path, isolated_home: Path, no_network: None
) -> None:
    photo = _photo_with_exif(tmp_path)
    outputs = [cli("media", "fingerprint", str(photo), "--label", "beach")]
    outputs += [cli("media", "list"), cli("media", "list", "--format", "json")]
    outputs += [cli("media", "export", "--format", f) for f in ("stopncii", "csv", "json")]
    outputs.append(cli("media", "match", "--format", "json", str(photo)))
    outputs.append(cli("media", "match", str(photo)))
    hash_list = isolated_home / "data" / "media" / "hashes.json"
    written = [p for p in isolated_home.rglob("*") if p.is_file()]
    assert written == [hash_list]
    texts = [r.out + r.err for r in outputs] + [hash_list.read_text()]
    for text in texts:
        assert CANARY not in text.replace(str(photo), "")  # the suspect path, as given
    # Hashes, sizes and a label only: bounded, whatever the picture's size.
    doc = json.loads(hash_list.read_text())
    [entry] = doc["entries"]
    assert set(entry) <= ALLOWED_KEYS and "name" not in entry
    assert all(len(h) == 64 for h in [entry["pdq"], *entry["dihedral"].values()])
    assert all(len(h) == 64 for h in entry["crops"].values())
    assert len(hash_list.read_bytes()) < 6000 < photo.stat().st_size
    stopncii = json.loads(outputs[3].out)["hashes"]
    assert stopncii == [
        {"media_type": "image", "hash_type": "pdq", "hash": entry["pdq"], "quality": 100}
    ]
    assert entry["pdq"] == entry["pdq"].lower()


def test_hash_list_is_0600_in_0700_folders(cli, photos: Photos, isolated_home: Path) -> None:
    cli("media", "fingerprint", str(photos(1)[0]))
    hash_list = isolated_home / "data" / "media" / "hashes.json"
    assert stat.S_IMODE(hash_list.stat().st_mode) == 0o600
    assert stat.S_IMODE(hash_list.parent.stat().st_mode) == 0o700


def test_keep_names_is_opt_in(cli, photos: Photos, isolated_home: Path) -> None:
    [path] = photos(1)
    cli("media", "fingerprint", str(path), "--keep-names")
    doc = json.loads((isolated_home / "data" / "media" / "hashes.json").read_text())
    assert doc["entries"][0]["name"] == path.name


def test_a_damaged_hash_list_is_one_line(cli, photos: Photos, isolated_home: Path) -> None:
    folder = isolated_home / "data" / "media"
    folder.mkdir(parents=True)
    (folder / "hashes.json").write_text("{not json")
    result = cli("media", "match", str(photos(1)[0]))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "hash list" in result.err


def test_backends_give_identical_answers(cli, photos: Photos) -> None:
    cli("media", "fingerprint", *map(str, photos(3)))
    suspects = [*map(str, photos(3)), *map(str, photos(2, start=50))]
    answers = {
        b: cli("media", "match", "--format", "json", "--backend", b, *suspects).out
        for b in ("scan", "multi-index")
    }
    assert answers["scan"] == answers["multi-index"]


def test_missing_imaging_libraries_give_the_install_command(
    cli, photos: Photos, monkeypatch: pytest.MonkeyPatch
) -> None:
    [path] = photos(1)
    monkeypatch.setitem(sys.modules, "PIL", None)
    result = cli("media", "fingerprint", str(path))
    assert result.code == 2
    assert "pip install 'privaudit[media]'" in result.err
    assert result.err.count("\n") == 1
