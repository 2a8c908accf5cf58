"""2FA data: load the full dataset and match 10,000 accounts; print the figures.

Uses the real 2fa.directory snapshot from ../shared when present, else a
synthetic dataset of the same size. Baseline: a naive matcher that scans every
listed domain for every account (suffix test), timed on 1,000 accounts.

    python bench/tfa.py
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from privaudit.accounts import Account
from privaudit.tfa.dataset import Dataset, load_builtin, parse_dataset_bytes
from privaudit.tfa.match import Directory

REAL = Path(__file__).resolve().parents[2] / "shared" / "real-data" / "2fa-directory-v3-all.json"
ACCOUNTS = 10_000


def _raw() -> tuple[bytes, str]:
    if REAL.is_file():
        return REAL.read_bytes(), "real 2fa.directory snapshot"
    entries = [
        [f"S{i}", {"domain": f"service{i}.com", "tfa": ["totp"], "keywords": ["other"]}]
        for i in range(2600)
    ]
    return json.dumps(entries).encode(), "synthetic 2,600-entry dataset"


def _accounts(dataset: Dataset, n: int) -> list[Account]:
    rng = random.Random(5)
    domains = [d for s in dataset.services for d in s.domains]
    out = []
    for i in range(n):
        pick = rng.random()
        if pick < 0.6:
            host = rng.choice(["www.", "login.", "accounts.", ""]) + rng.choice(domains)
        elif pick < 0.9:
            host = f"site{i}.example.co.uk"
        else:
            host = f"192.168.{i % 250}.{i % 200}"
        out.append(Account(label=f"acct {i}", urls=(f"https://{host}/login",)))
    return out


def _naive(dataset: Dataset, accounts: list[Account]) -> int:
    found = 0
    pairs = [(d, s) for s in dataset.services for d in s.domains]
    for account in accounts:
        for host in account.domains:
            if any(host == d or host.endswith("." + d) for d, _ in pairs):
                found += 1
                break
    return found


def main() -> None:
    raw, what = _raw()
    t0 = time.perf_counter()
    dataset = parse_dataset_bytes(raw, origin="downloaded", date="bench", where="bench")
    t1 = time.perf_counter()
    directory = Directory(dataset)
    directory.matcher  # noqa: B018  # build the index (and the public suffix list) now
    t2 = time.perf_counter()
    accounts = _accounts(dataset, ACCOUNTS)
    t3 = time.perf_counter()
    matched = sum(1 for a in accounts if directory.match(a) is not None)
    t4 = time.perf_counter()
    naive_n = 1_000
    t5 = time.perf_counter()
    _naive(dataset, accounts[:naive_n])
    t6 = time.perf_counter()
    b0 = time.perf_counter()
    load_builtin()
    b1 = time.perf_counter()

    per_account = (t4 - t3) / ACCOUNTS
    naive_per_account = (t6 - t5) / naive_n
    print(f"dataset: {what}, {len(dataset.services)} services, {len(raw) / 1e6:.2f} MB")
    print(f"parse + validate:             {(t1 - t0) * 1000:8.1f} ms")
    print(f"index + public suffix list:   {(t2 - t1) * 1000:8.1f} ms")
    print(f"match {ACCOUNTS:,} accounts:        {(t4 - t3) * 1000:8.1f} ms ({matched:,} matched)")
    print(f"total load + match:           {(t4 - t3 + t2 - t0) * 1000:8.1f} ms")
    print(f"built-in dataset load:        {(b1 - b0) * 1000:8.1f} ms")
    ratio = naive_per_account / per_account
    print(
        f"naive scan baseline:          {naive_per_account * 1e6:8.1f} µs/account"
        f" vs {per_account * 1e6:.1f} µs/account indexed ({ratio:.0f}x faster)"
    )


if __name__ == "__main__":
    main()
