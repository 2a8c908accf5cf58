"""The demo: clearly fake sample data that shows every kind of finding, offline."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def demo_file(name: str) -> Path:
    return Path(str(resources.files("privaudit.demo") / name))
