"""Exposure checks benchmark: what EXP101 and the passkey/shared-login parts of MFA101/102
cost on a large vault, with the full datasets, as a ratio to MFA101/102 without them.

    python bench/exposure.py                 # 5,000 accounts, 5 runs
    python bench/exposure.py --accounts 20000 --runs 7

Uses ../shared/real-data (the passkeys directory and Apple's quirks) when present,
else the built-in subsets, and a breach catalogue of 900 records (the real one has
~850). Accounts spread over the datasets' own domains plus unknown ones; a third
have a password date. Prints medians of several runs; each ratio is measured in
the same run.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from privaudit.accounts import Account, MfaMethod  # noqa: E402
from privaudit.checks.exposure import SiteBreachedSincePassword  # noqa: E402
from privaudit.checks.mfa import MissingMfa, WeakMfaMethod  # noqa: E402
from privaudit.context import AuditContext  # noqa: E402
from privaudit.exposure import Exposure  # noqa: E402
from privaudit.exposure.breaches import BreachCatalogue, load_builtin, parse_breach  # noqa: E402
from privaudit.exposure.passkeys import PasskeyDirectory, parse_directory  # noqa: E402
from privaudit.exposure.passkeys import load_builtin as builtin_passkeys  # noqa: E402
from privaudit.exposure.quirks import Quirks, load_folder  # noqa: E402
from privaudit.exposure.quirks import load_builtin as builtin_quirks  # noqa: E402
from privaudit.tfa.dataset import load_builtin as tfa_builtin  # noqa: E402
from privaudit.tfa.match import Directory  # noqa: E402

REAL = ROOT.parent / "shared" / "real-data"


def datasets() -> tuple[PasskeyDirectory, Quirks, str]:
    passkeys_file = REAL / "passkeys" / "passkeys-entries.json"
    quirks_folder = REAL / "password-manager-resources"
    if passkeys_file.is_file() and quirks_folder.is_dir():
        entries = parse_directory(json.loads(passkeys_file.read_bytes()), where="bench")
        files = {p.name: p.read_bytes() for p in quirks_folder.glob("*.json")}
        return PasskeyDirectory(entries, label="full"), load_folder(files, label="full"), "full"
    return builtin_passkeys(), builtin_quirks(), "built-in subsets"


def catalogue(size: int) -> BreachCatalogue:
    base = load_builtin().breaches[0]
    records = []
    for i in range(size):
        record = {
            "Name": f"B{i}",
            "Title": f"B{i}",
            "Domain": f"breached{i}.test",
            "BreachDate": "2015-06-0" + str(1 + i % 9),
            "AddedDate": "2016-01-01T00:00:00Z",
            "PwnCount": 1000,
            "DataClasses": list(base.data_classes),
        }
        records.append(parse_breach(record))
    return BreachCatalogue([r for r in records if r is not None], label="bench")


def accounts(n: int, passkeys: PasskeyDirectory, quirks: Quirks) -> tuple[Account, ...]:
    rng = random.Random(7)
    domains = [e.domain for e in passkeys.entries] + list(quirks.change_password)
    domains += [f"breached{i}.test" for i in range(900)] + [f"site{i}.example" for i in range(2000)]
    out = []
    for i in range(n):
        domain = rng.choice(domains)
        out.append(
            Account(
                label=f"Account {i}",
                urls=(f"https://www.{domain}/login",),
                username=f"user{i % 400}@example.com",
                mfa=frozenset({MfaMethod.TOTP}) if i % 3 == 0 else frozenset(),
                password_changed=datetime(2014, 1, 1, tzinfo=UTC) if i % 3 == 1 else None,
            )
        )
    return tuple(out)


def timed(check: object, ctx: AuditContext) -> float:
    start = time.perf_counter()
    for _ in check.run(ctx):  # type: ignore[attr-defined]
        pass
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    passkeys, quirks, which = datasets()
    tfa = Directory(tfa_builtin())
    tfa.matcher  # noqa: B018  # build the suffix list outside the timings
    vault = accounts(args.accounts, passkeys, quirks)
    full = Exposure(breaches=catalogue(900), passkeys=passkeys, quirks=quirks)
    bare = Exposure(
        breaches=BreachCatalogue([], label="none"),
        passkeys=PasskeyDirectory([], label="none"),
        quirks=Quirks(),
    )
    rows: dict[str, list[float]] = {"EXP101": [], "MFA101+102": [], "MFA101+102 bare": []}
    for _ in range(args.runs):
        # A fresh context each run: the indexes are built per run, as in an audit.
        with_data = AuditContext(accounts=vault, tfa=tfa, exposure=full)
        without = AuditContext(accounts=vault, tfa=tfa, exposure=bare)
        rows["EXP101"].append(timed(SiteBreachedSincePassword(), with_data))
        rows["MFA101+102"].append(
            timed(MissingMfa(), with_data) + timed(WeakMfaMethod(), with_data)
        )
        rows["MFA101+102 bare"].append(
            timed(MissingMfa(), without) + timed(WeakMfaMethod(), without)
        )
    print(f"{args.accounts:,} accounts, {which} passkeys/quirks, 900 breaches, {args.runs} runs")
    medians = {k: statistics.median(v) for k, v in rows.items()}
    for name, value in medians.items():
        print(f"  {name:<18} median {value * 1000:8.1f} ms")
    ratio = medians["MFA101+102"] / medians["MFA101+102 bare"]
    print(f"  MFA101+102 with passkeys and shared logins / without: {ratio:.2f}x")


if __name__ == "__main__":
    main()
