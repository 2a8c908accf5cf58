"""Where privaudit keeps its files (platformdirs), overridable for tests and portable use.

`PRIVAUDIT_HOME` puts config, data and cache under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "privaudit"


def _location(kind: str) -> Path:
    home = os.environ.get("PRIVAUDIT_HOME")
    if home:
        return Path(home) / kind
    import platformdirs  # noqa: PLC0415  # only commands that touch files pay for it

    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
        "state": platformdirs.user_state_dir,
    }[kind]
    return Path(finder(APP))


def config_dir() -> Path:
    return _location("config")


def data_dir() -> Path:
    return _location("data")


def cache_dir() -> Path:
    return _location("cache")


def state_dir() -> Path:
    """Where a paused session remembers where it stopped (the workshop's step)."""
    return _location("state")


def default_config_file() -> Path:
    return config_dir() / "config.toml"
