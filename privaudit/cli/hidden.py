"""The hidden prompt every command uses for secrets (passwords, keys)."""

from __future__ import annotations

import getpass
import sys


def ask_hidden(prompt: str) -> str:
    """getpass, not typer.prompt: click prints the prompt before turning echo off, so
    a secret typed or pasted quickly could be echoed. Ctrl-C leaves the cursor after
    the prompt; end that line so the "interrupted" error starts on its own."""
    try:
        return getpass.getpass(prompt)
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        sys.stderr.flush()
        raise
