"""Click's exception classes, wherever this typer keeps them.

Recent typer releases vendor click as `typer._click`; older ones depend on click.
Only the CLI's error handling needs these names.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def click_exceptions() -> ModuleType:
    try:
        return importlib.import_module("typer._click.exceptions")
    except ImportError:  # typer < 0.26 with a separate click
        return importlib.import_module("click.exceptions")
