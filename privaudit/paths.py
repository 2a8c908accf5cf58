"""Where privaudit keeps its files (platformdirs), overridable for tests and portable use.

`PRIVAUDIT_HOME` puts config, data and cache under one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "privaudit"


def _home() -> Path | None:
    home = os.environ.get("PRIVAUDIT_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    home = _home()
    if home:
        return home / "config"
    import platformdirs  # noqa: PLC0415  # only commands that touch files pay for it

    return Path(platformdirs.user_config_dir(APP))


def data_dir() -> Path:
    home = _home()
    if home:
        return home / "data"
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_data_dir(APP))


def cache_dir() -> Path:
    home = _home()
    if home:
        return home / "cache"
    import platformdirs  # noqa: PLC0415

    return Path(platformdirs.user_cache_dir(APP))


def default_config_file() -> Path:
    return config_dir() / "config.toml"
