"""Videos: MD5/SHA-256 always, per-frame PDQ of sampled frames with PyAV."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.media.photos import generated_photo

av = pytest.importorskip("av", reason="per-frame video hashing needs PyAV (the test extra has it)")


def _video(path: Path, *, width: int, height: int, seeds: tuple[int, ...]) -> Path:
    with av.open(str(path), "w") as container:
        stream = container.add_stream("mpeg4", rate=10)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for seed in seeds:
            still = np.asarray(generated_photo(seed, width, height))
            for _ in range(10):  # one second of each scene
                frame = av.VideoFrame.from_ndarray(still, format="rgb24")
                container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path


def test_reencoded_video_matches_by_its_frames(cli, tmp_path: Path, isolated_home: Path) -> None:
    original = _video(tmp_path / "clip.mp4", width=320, height=240, seeds=(1, 2, 3))
    result = cli("media", "fingerprint", str(original), "--label", "clip")
    assert result.code == 0, result.err
    doc = json.loads((isolated_home / "data" / "media" / "hashes.json").read_text())
    [entry] = doc["entries"]
    assert entry["kind"] == "video" and len(entry["frames"]) == 3
    smaller = _video(tmp_path / "copy.mp4", width=160, height=120, seeds=(2, 3))
    other = _video(tmp_path / "other.mp4", width=160, height=120, seeds=(40, 41))
    verdicts = json.loads(cli("media", "match", "--format", "json", str(smaller), str(other)).out)
    assert [v["matched"] for v in verdicts] == [True, False]
    assert verdicts[0]["variant"].startswith("frame at ")
    stopncii = json.loads(cli("media", "export", "--format", "stopncii").out)["hashes"]
    assert stopncii == [{"media_type": "video", "hash_type": "md5", "hash": entry["md5"]}]


def test_without_a_decoder_videos_keep_their_file_hashes(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _video(tmp_path / "clip.mp4", width=160, height=120, seeds=(5,))
    monkeypatch.setattr("privaudit.media.video.decoder_available", lambda: False)
    result = cli("media", "fingerprint", str(original))
    assert result.code == 0 and "no video decoder" in result.err
    assert cli("media", "match", str(original)).code == 1  # identical file, by hash
    copy = _video(tmp_path / "copy.mp4", width=128, height=96, seeds=(5,))
    verdict = json.loads(cli("media", "match", "--format", "json", str(copy)).out)[0]
    assert verdict["outcome"] == "undecoded" and not verdict["matched"]
