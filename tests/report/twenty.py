"""A person's 20 accounts spread over three exports, with the quirks real people have.

- Bitwarden JSON (10 logins), Chrome CSV (7 logins), KeePass KDBX (6 logins): 23
  entries, 20 logins.
- Reddit is in Bitwarden and Chrome with the same password: one account, not reuse.
- GitHub is in Bitwarden (changed 2026-10) and Chrome with an older password.
- Wikipedia is in Chrome and KeePass with the same password.
- Gmail, Instagram and Dropbox share one breached password (as in the demo).
- Google has a checklist "yes" for 2-Step Verification and no TOTP anywhere.
- Facebook has a TOTP seed in KeePass.

Every password is made up here; the breach corpus is a sorted SHA-1 list made
from a few of them, like the corpus `pwned-data build` reads.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

from pykeepass import create_database

KDBX_PASSWORD = "twenty-accounts-db-Pw-1"
SHARED = "Sunshine2019!"  # Gmail, Instagram, Dropbox: breached
S160 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
S160_FB = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"

# (name, url, username, password, totp)
BITWARDEN = [
    ("Gmail", "https://mail.google.com", "sam@example.com", SHARED, ""),
    ("Instagram", "https://www.instagram.com", "sam.photos", SHARED, ""),
    ("Dropbox", "https://www.dropbox.com", "sam@example.com", SHARED, ""),
    ("PayPal", "https://www.paypal.com", "sam@example.com", "password1", ""),
    ("Reddit", "https://www.reddit.com", "sam_r", "gravel-otter-Quartz-9", ""),
    ("GitHub", "https://github.com", "samdev", "New-octo-Pass-2026-xq", S160),
    ("Amazon", "https://www.amazon.com", "sam@example.com", "tundra-Velvet-pickle-44", ""),
    ("Netflix", "https://www.netflix.com", "sam@example.com", "moviesTonight7", ""),
    ("Spotify", "https://open.spotify.com", "sam@example.com", "Lantern-marble-Fjord-8", ""),
    ("Bank", "https://www.chase.com", "sam1234", "Copper-ridge-Sable-71x", ""),
]
CHROME = [
    ("www.reddit.com", "https://www.reddit.com/login", "sam_r", "gravel-otter-Quartz-9"),
    ("github.com", "https://github.com/session", "samdev", "old-github-pass-2019"),
    ("en.wikipedia.org", "https://en.wikipedia.org", "SamW", "Wiki-walnut-Harbor-33"),
    ("www.linkedin.com", "https://www.linkedin.com", "sam@example.com", "Orbit-cedar-Plume-52"),
    ("x.com", "https://x.com", "samtweets", "Mosaic-thistle-Canyon-6"),
    ("discord.com", "https://discord.com", "sam#1", "Ember-quill-Saddle-19"),
    ("www.ebay.com", "https://www.ebay.com", "sam_buys", "Pepper-lagoon-Vault-27"),
]
KEEPASS = [
    (
        "Wikipedia",
        "https://en.wikipedia.org/wiki/Special:UserLogin",
        "SamW",
        "Wiki-walnut-Harbor-33",
    ),
    ("Facebook", "https://www.facebook.com", "sam@example.com", "Harvest-beacon-Tulip-40"),
    ("Microsoft", "https://login.live.com", "sam@outlook.com", "Granite-willow-Echo-15"),
    ("Apple", "https://appleid.apple.com", "sam@icloud.com", "Saffron-glacier-Nook-88"),
    ("Steam", "https://store.steampowered.com", "samgames", "Falcon-meadow-Rivet-64"),
    ("Router", "http://192.168.1.1", "admin", "Cobalt-prairie-Latch-3"),
]
TOTAL_ACCOUNTS = 20
BREACHED = {SHARED: 18742, "password1": 2427132, "moviesTonight7": 12}


def _bitwarden() -> bytes:
    items = []
    for i, (name, url, user, password, totp) in enumerate(BITWARDEN):
        revised = "2026-10-02T10:00:00.000Z" if name == "GitHub" else "2025-03-01T10:00:00.000Z"
        items.append(
            {
                "id": f"00000000-0000-0000-0000-{i:012d}",
                "type": 1,
                "name": name,
                "creationDate": "2024-01-01T10:00:00.000Z",
                "revisionDate": revised,
                "login": {
                    "uris": [{"match": None, "uri": url}],
                    "username": user,
                    "password": password,
                    "totp": f"otpauth://totp/{name}:{user}?secret={totp}&issuer={name}"
                    if totp
                    else None,
                },
            }
        )
    return json.dumps({"encrypted": False, "folders": [], "items": items}, indent=2).encode()


def _chrome() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "url", "username", "password", "note"])
    for row in CHROME:
        writer.writerow([*row, ""])
    return out.getvalue().encode()


def _keepass(path: Path) -> None:
    db = create_database(str(path), password=KDBX_PASSWORD)
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 1, 1024 * 1024  # cheap to open in tests
    for name, url, user, password in KEEPASS:
        otp = (
            f"otpauth://totp/{name}:{user}?secret={S160_FB}&issuer={name}"
            if name == "Facebook"
            else None
        )
        db.add_entry(db.root_group, name, user, password, url=url, otp=otp)
    db.save()


def corpus_text() -> str:
    lines = [
        f"{hashlib.sha1(p.encode()).hexdigest().upper()}:{n}"  # the corpus format
        for p, n in BREACHED.items()
    ]
    return "\n".join(sorted(lines)) + "\n"


def make_case(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "bitwarden": folder / "bitwarden.json",
        "chrome": folder / "chrome.csv",
        "keepass": folder / "vault.kdbx",
        "corpus": folder / "breached.txt",
    }
    paths["bitwarden"].write_bytes(_bitwarden())
    paths["chrome"].write_bytes(_chrome())
    _keepass(paths["keepass"])
    paths["corpus"].write_text(corpus_text(), encoding="ascii")
    return paths
