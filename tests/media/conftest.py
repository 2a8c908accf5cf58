"""Fixtures for the leak-response kit's media tests (they need the [media] extra)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import privaudit.media  # noqa: F401  # before numpy: one BLAS thread, as the CLI runs it

pytest.importorskip("PIL", reason="media tests need the [media] extra")

from tests.media.photos import TRANSFORMS, generated_photo

__all__ = ["TRANSFORMS", "generated_photo"]


@pytest.fixture
def photos(tmp_path: Path) -> Callable[..., list[Path]]:
    """Write n generated photos as PNG and return their paths."""

    def make(n: int, start: int = 0) -> list[Path]:
        folder = tmp_path / f"photos-{start}"
        folder.mkdir(exist_ok=True)
        paths = []
        for seed in range(start, start + n):
            path = folder / f"photo-{seed}.png"
            generated_photo(seed).save(path)
            paths.append(path)
        return paths

    return make


@pytest.fixture
def pdq_dir(shared_dir: Path) -> Path:
    root = shared_dir / "real-data" / "pdq"
    if not root.is_dir():
        pytest.skip("../shared/real-data/pdq is not present")
    return root
