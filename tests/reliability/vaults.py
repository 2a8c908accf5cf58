"""Generated Bitwarden vaults of distinct, realistic passwords (for long-enough runs)."""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

WORDS = ("summer", "dragon", "harbor", "violet", "maple", "orbit", "cedar", "velvet", "otter")


def password(rng: random.Random, i: int) -> str:
    kind = i % 3
    if kind == 0:
        return f"{rng.choice(WORDS).capitalize()}{rng.randint(0, 9999)}{rng.choice('!#?')}{i}"
    if kind == 1:
        alphabet = string.ascii_letters + string.digits + "!@#$%^&*"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(14, 24)))
    return "-".join(rng.choice(WORDS) for _ in range(4)) + str(i)


def write_vault(path: Path, count: int, *, seed: int = 7, extra: str | None = None) -> Path:
    rng = random.Random(seed)
    items = [
        {
            "id": f"v-{i}",
            "type": 1,
            "name": f"Site {i}",
            "login": {
                "uris": [{"match": None, "uri": f"https://site{i}.example.org/login"}],
                "username": f"user{i}@example.org",
                "password": extra if extra and i == 0 else password(rng, i),
                "totp": None,
            },
        }
        for i in range(count)
    ]
    path.write_text(json.dumps({"encrypted": False, "folders": [], "items": items}))
    return path
