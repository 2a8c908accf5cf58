"""Click's exception classes, wherever this typer keeps them.

Recent typer releases vendor click as `typer._click` (with `Abort` and `Exit`
moved to `typer.exceptions`); older ones depend on click. Only the CLI's error
handling needs these names.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class ClickErrors:
    ClickException: type[Exception]
    UsageError: type[Exception]
    NoArgsIsHelpError: type[Exception]
    Abort: type[BaseException]


def click_exceptions() -> ClickErrors:
    try:
        module = importlib.import_module("typer._click.exceptions")
        abort = importlib.import_module("typer.exceptions").Abort
    except ImportError:  # typer < 0.26 with a separate click
        module = importlib.import_module("click.exceptions")
        abort = module.Abort
    return ClickErrors(
        ClickException=module.ClickException,
        UsageError=module.UsageError,
        NoArgsIsHelpError=module.NoArgsIsHelpError,
        Abort=abort,
    )
