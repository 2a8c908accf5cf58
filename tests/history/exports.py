"""Bitwarden JSON exports written by the tests, to audit for real across several runs."""

from __future__ import annotations

import json
from pathlib import Path

STRONG = "vortex-Glacier-58-plume-Tandem-quill"
STRONG_2 = "Marble-orbit-73-Lantern-fjord-quince"
STRONG_3 = "saffron-Pylon-41-Meadow-crux-Ember"
WEAK = "Summer2024!"


def write_export(path: Path, accounts: dict[str, str]) -> Path:
    """accounts: service name -> password (each a login with a username)."""
    items = [
        {
            "id": f"t-{i:04d}",
            "type": 1,
            "name": name,
            "notes": None,
            "login": {
                "uris": [{"match": None, "uri": f"https://{name.lower().replace(' ', '')}.com"}],
                "username": f"{name.lower().replace(' ', '.')}@example.com",
                "password": password,
                "totp": None,
            },
        }
        for i, (name, password) in enumerate(accounts.items())
    ]
    path.write_text(json.dumps({"encrypted": False, "folders": [], "items": items}), "utf-8")
    return path
