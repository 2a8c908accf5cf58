"""Rebuild strength-corpus.tsv: 500 varied passwords with the account each sits on.

    python tests/checks/data/make_strength_corpus.py

Common passwords from zxcvbn's own frequency list (MIT), passphrases from its English
word list, random strings, names with years, leetspeak, keyboard walks, dates, short
ones, long ones, non-Latin scripts, fullwidth forms, and passwords holding a context
word (the site's name, the username) or a generic host label (`accounts`, `login`,
`secure`) or TLD (`shop`). Fixed seed: the file changes only when this script does.
"""

from __future__ import annotations

import random
import string
from pathlib import Path

from zxcvbn.frequency_lists import FREQUENCY_LISTS

SITES = [
    ("https://accounts.google.com/signin", "alice.smith@gmail.com"),
    ("https://login.live.com/", "bob_jones@outlook.com"),
    ("https://secure.example.com/login", "carol"),
    ("https://www.example.shop/account", "dave99"),
    ("https://github.com/login", "erin-codes"),
    ("https://www.facebook.com/", "frank.miller"),
    ("https://m.twitter.com/", "grace_h"),
    ("https://mybank.co.uk/logon", "heidi.k@example.co.uk"),
    ("https://forum.example.net/", "ivan"),
    ("https://shop.example.org/", "judy.w"),
]
FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in string.ascii_letters + string.digits + "!@#"}


def main() -> None:
    rng = random.Random(500)  # a fixed corpus, not secrets
    common = FREQUENCY_LISTS["passwords"]
    words = [w for w in FREQUENCY_LISTS["english_wikipedia"][:20000] if w.isalpha() and len(w) > 3]
    names = FREQUENCY_LISTS["male_names"][:300] + FREQUENCY_LISTS["female_names"][:300]
    out: list[str] = []
    out += [common[i] for i in sorted(rng.sample(range(5000), 90))]
    out += [common[i] for i in sorted(rng.sample(range(5000, 30000), 30))]
    for _ in range(100):
        n = rng.choice([3, 4, 5])
        sep = rng.choice(["-", " ", ".", "", "_"])
        phrase = sep.join(rng.sample(words, n))
        out.append(phrase + (str(rng.randint(0, 99)) if rng.random() < 0.5 else ""))
    for _ in range(90):
        alphabet = rng.choice(
            [string.ascii_lowercase, string.ascii_letters + string.digits, string.printable[:94]]
        )
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(8, 24))))
    for _ in range(50):
        name = rng.choice(names)
        name = name.capitalize() if rng.random() < 0.5 else name
        out.append(name + str(rng.randint(1950, 2026)) + rng.choice(["", "!", "#", "?"]))
    leet = str.maketrans({"a": "@", "o": "0", "e": "3", "i": "1", "s": "$"})
    out += [rng.choice(common[:2000]).translate(leet).capitalize() for _ in range(30)]
    out += ["qwertyuiop", "asdfghjkl;", "zxcvbnm,./", "1qaz2wsx3edc", "qazwsxedc", "!QAZ2wsx",
            "poiuytrewq", "1234qwer", "abcdefgh", "87654321", "aaaaaaaaaa", "abcabcabc",
            "11/11/1999", "1999-12-31", "31121999", "19700101", "july041976", "Dec251990!",
            "zaq12wsx", "mnbvcxz123"]  # fmt: skip
    out += ["".join(rng.choice(string.ascii_letters) for _ in range(rng.randint(1, 7)))
            for _ in range(25)]  # fmt: skip
    out += [" ".join(rng.sample(words, 8)) for _ in range(15)]  # longer than 32 characters
    out += ["".join(rng.choice(string.ascii_letters) for _ in range(40)) for _ in range(10)]
    out += ["пароль123", "Пароль2024!", "contraseña1", "motdepasse€", "passwort-müller",
            "密码123456", "ﾊﾟｽﾜｰﾄﾞ", "パスワード2024", "비밀번호1234", "كلمةالسر2024",
            "סיסמה12345", "Ελληνικά-λόγια-42", "çok-güzel-şifre-77", "🔒🔑🐍🦊🌵🎲🧭🎯",
            "naïve-café-résumé"]  # fmt: skip
    for base in ["password123", "iloveyou", "qwerty123", "Dragon2024!", "letmein", "monkey12",
                 "Summer2023", "football1", "abc123456", "Welcome1!"]:  # fmt: skip
        out.append("".join(FULLWIDTH.get(c, c) for c in base))
    out += ["my-accounts-are-violet-harbor-92", "blogin-violet-harbor-quill-92",
            "workshop-violet-harbor-quill-92", "insecure-violet-harbor-quill-92",
            "Google2024!", "facebook123", "github-erin-1990", "ivan1985", "mybank-2023",
            "alice.smith1", "frank.miller.88", "carol-loves-forum", "dave99dave99",
            "Forumlover2019", "judy.w-judy.w"]  # fmt: skip
    assert len(out) == 500, len(out)
    rows = ["# password\turl\tusername (see make_strength_corpus.py)"]
    for i, password in enumerate(out):
        url, user = SITES[i % len(SITES)] if i < 485 else _context_site(password)
        rows.append(f"{password}\t{url}\t{user}")
    Path(__file__).with_name("strength-corpus.tsv").write_text("\n".join(rows) + "\n", "utf-8")


def _context_site(password: str) -> tuple[str, str]:
    """The account each context-word password was written for."""
    table = {
        "my-accounts-are-violet-harbor-92": SITES[0],
        "blogin-violet-harbor-quill-92": SITES[1],
        "workshop-violet-harbor-quill-92": SITES[3],
        "insecure-violet-harbor-quill-92": SITES[2],
        "Google2024!": SITES[0],
        "facebook123": SITES[5],
        "github-erin-1990": SITES[4],
        "ivan1985": SITES[8],
        "mybank-2023": SITES[7],
        "alice.smith1": SITES[0],
        "frank.miller.88": SITES[5],
        "carol-loves-forum": SITES[2],
        "dave99dave99": SITES[3],
        "Forumlover2019": SITES[8],
        "judy.w-judy.w": SITES[9],
    }
    return table[password]


if __name__ == "__main__":
    main()
