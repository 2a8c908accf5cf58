"""Data and reference programs for bench/e2e.py: vaults, corpora, KeePassXC databases.

Vaults are Bitwarden exports of distinct passwords in a realistic mix (the mix
the docs quote): 45 % human-made (word, year or number, symbol; some l33t),
35 % manager-generated (14–24 random characters), 15 % passphrases (4–6 words),
5 % long random strings (25–40 characters). One password in ten is in the
corpus. Corpora are sorted `HASH:COUNT` files with those hashes merged in.
Everything is generated once under bench/.data/ and reused.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import random
import shutil
import string
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / ".data"
SEED = 16
WORDS = [
    "summer",
    "winter",
    "dragon",
    "monkey",
    "shadow",
    "master",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "welcome",
    "flower",
    "hunter",
    "ranger",
    "orange",
    "purple",
    "silver",
    "golden",
    "tiger",
    "coffee",
    "guitar",
    "rocket",
    "velvet",
    "marsh",
    "quilt",
    "orbit",
    "lamp",
    "otter",
    "vivid",
    "harbor",
    "maple",
    "cedar",
    "violet",
    "river",
    "candle",
    "meadow",
    "falcon",
]
SITES = [
    "google.com",
    "github.com",
    "facebook.com",
    "amazon.com",
    "dropbox.com",
    "twitter.com",
    "linkedin.com",
    "reddit.com",
    "paypal.com",
    "apple.com",
    "microsoft.com",
    "netflix.com",
    "spotify.com",
]
LEET = str.maketrans("aeiost", "4310$7")

BARE_TYPER = '''
import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(name)


@app.command()
def bye() -> None:
    """Say bye."""


app()
'''

PLAIN_ZXCVBN = """
import sys
from zxcvbn import zxcvbn

for i, line in enumerate(open(sys.argv[1], encoding="utf-8").read().split("\\n")):
    if line:
        zxcvbn(line[:72], user_inputs=[f"site{i}", f"user{i}"])
"""

LINEAR_PASS = """
import sys

wanted = set(open(sys.argv[2], "rb").read().split())
found = 0
with open(sys.argv[1], "rb") as fh:
    for line in fh:
        if line[:40] in wanted:
            found += 1
print(found)
"""


def _password(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        word = rng.choice(WORDS)
        word = word.capitalize() if rng.random() < 0.5 else word
        word = word.translate(LEET) if rng.random() < 0.3 else word
        return f"{word}{rng.randint(0, 2025)}{rng.choice(['', '!', '#', '?', '.'])}"
    if kind < 0.80:
        alphabet = string.ascii_letters + string.digits + "!@#$%^&*-_"
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(14, 24)))
    if kind < 0.95:
        return "-".join(rng.choice(WORDS) for _ in range(rng.randint(4, 6)))
    alphabet = string.ascii_letters + string.digits + string.punctuation
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(25, 40)))


def passwords(n: int) -> list[str]:
    rng = random.Random(SEED)
    seen: dict[str, None] = {}
    while len(seen) < n:
        seen.setdefault(_password(rng))
    return list(seen)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest().upper()  # the corpus's hash


def breached(n: int) -> list[str]:
    """The hashes of one password in ten of an `n`-login vault."""
    return [sha1(pw) for pw in passwords(n)[::10]]


def vault(tmp: Path, n: int) -> Path:
    path = tmp / f"vault-{n}.json"
    if path.exists():
        return path
    items = []
    for i, pw in enumerate(passwords(n)):
        site = SITES[i % len(SITES)] if i % 4 == 0 else f"site{i}.example.org"
        items.append(
            {
                "id": f"e2e-{i}",
                "type": 1,
                "name": f"{site} {i}",
                "login": {
                    "uris": [{"match": None, "uri": f"https://{site}/login"}],
                    "username": f"user{i}@example.org",
                    "password": pw,
                    "totp": None,
                },
            }
        )
    path.write_text(json.dumps({"encrypted": False, "folders": [], "items": items}))
    return path


def passwords_file(tmp: Path, n: int) -> Path:
    path = tmp / f"passwords-{n}.txt"
    if not path.exists():
        path.write_text("\n".join(passwords(n)), encoding="utf-8")
    return path


def hashes_file(tmp: Path, n: int) -> Path:
    path = tmp / f"hashes-{n}.txt"
    if not path.exists():
        path.write_text("\n".join(sha1(pw) for pw in passwords(n)))
    return path


def corpus(lines: int, tmp: Path, n: int) -> Path:
    """A sorted corpus of `lines` lines holding the breached tenth of an `n`-login vault."""
    path = DATA / f"e2e-{lines // 1_000_000}M-{n}.txt"
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    print(f"   generating {path.name} ({lines:,} lines)...", flush=True)
    extra = sorted(breached(n))
    scale = (1 << 32) / lines  # strictly increasing 8-hex heads, random 32-hex tails
    block = 1_000_000
    tmp_path = path.with_suffix(".tmp")
    with tmp_path.open("w", encoding="ascii", newline="") as out:
        for start in range(0, lines, block):
            count = min(block, lines - start)
            tails = os.urandom(16 * count).hex().upper()
            chunk = [
                f"{int((start + j) * scale):08X}{tails[j * 32 : j * 32 + 32]}"
                f":{(start + j) % 997 + 1}\r\n"
                for j in range(count)
            ]
            top = f"{int((start + count) * scale):08X}" if start + count < lines else "G"
            bottom = f"{int(start * scale):08X}" if start else ""
            for h in extra:
                if bottom <= h < top:
                    bisect.insort(chunk, f"{h}:{int(h[-3:], 16) + 1}\r\n")
            out.write("".join(chunk))
    tmp_path.replace(path)
    return path


def index_of(text: Path) -> Path:
    out = text.with_suffix(".idx")
    if not out.exists():
        sys.path.insert(0, str(ROOT))
        from privaudit.pwned.build import build_index  # noqa: PLC0415

        print(f"   building {out.name}...", flush=True)
        build_index(text, out)
    return out


def keepass_db(tmp: Path, n: int) -> tuple[Path, Path] | None:
    """A KeePassXC database of the vault's passwords (key file, fast KDF), or None."""
    cli = shutil.which("keepassxc-cli")
    if cli is None:
        return None
    db, key, xml = tmp / f"vault-{n}.kdbx", tmp / "vault.key", tmp / f"vault-{n}.xml"
    if db.exists():
        return db, key
    entries = "".join(
        f"<Entry><UUID>{_uuid(i)}</UUID>"
        f"<String><Key>Title</Key><Value>site {i}</Value></String>"
        f"<String><Key>UserName</Key><Value>user{i}</Value></String>"
        f"<String><Key>Password</Key><Value>{escape(pw)}</Value></String></Entry>"
        for i, pw in enumerate(passwords(n))
    )
    xml.write_text(
        '<?xml version="1.0" encoding="utf-8" standalone="yes"?><KeePassFile>'
        "<Meta><Generator>privaudit bench</Generator></Meta><Root><Group>"
        f"<UUID>{_uuid(n + 1)}</UUID><Name>Root</Name>{entries}</Group></Root></KeePassFile>",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [cli, "import", "-q", "-t", "100", "--set-key-file", str(key), str(xml), str(db)],
        capture_output=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    xml.unlink()
    if proc.returncode != 0 or not db.exists():
        print(f"   keepassxc-cli import failed: {proc.stderr.decode()[:200]}", flush=True)
        return None
    return db, key


def _uuid(i: int) -> str:
    import base64  # noqa: PLC0415

    return base64.b64encode(i.to_bytes(16, "big")).decode()


def prepare(tmp: Path, logins: int, sizes: list[int], sections: set[str]) -> None:
    """Generate everything the chosen sections read (run in its own process by e2e.py,
    so the measuring process stays small: a child's peak RSS starts from its parent's)."""
    for n in {logins, 5 * logins, max(10, logins // 100), 10_000}:
        vault(tmp, n)
    passwords_file(tmp, logins)
    hashes_file(tmp, 10_000)
    if "offline" in sections:
        keepass_db(tmp, 10_000)
        for lines in sizes:
            index_of(corpus(lines, tmp, 10_000))
    if "scale" in sections:
        corpus(5_000_000, tmp, 10_000)


if __name__ == "__main__":
    prepare(
        Path(sys.argv[1]),
        int(sys.argv[2]),
        [int(x) for x in sys.argv[3].split(",")],
        set(sys.argv[4].split(",")),
    )
