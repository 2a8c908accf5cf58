"""One-time codes: privaudit's own RFC 4226/6238 code against pyotp's, in one run.

`mfa verify` computes up to 81 codes per check (±40 steps, to explain a wrong
code); TOTP101 computes one per seed. Prints the median of 7 runs of 10,000 codes
each, and the ratio to pyotp measured in the same run (pyotp is a test extra:
`pip install -e '.[test]'`).

    python bench/otp.py
"""

from __future__ import annotations

import statistics
import time

import pyotp

from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import parse_totp
from privaudit.tfa.totp import code_for

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
CODES = 10_000
RUNS = 7


def _time(fn: object) -> float:
    start = time.perf_counter()
    for counter in range(CODES):
        fn(counter)  # type: ignore[operator]
    return (time.perf_counter() - start) / CODES


def main() -> None:
    config = parse_totp(TotpSeed(SECRET))
    reference = pyotp.TOTP(SECRET)
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(_time(lambda c: code_for(config, c)))
        theirs.append(_time(reference.generate_otp))
    mine, ref = statistics.median(ours), statistics.median(theirs)
    print(f"privaudit code_for: {mine * 1e6:6.2f} µs/code (median of {RUNS} x {CODES:,})")
    print(f"pyotp generate_otp: {ref * 1e6:6.2f} µs/code")
    print(f"ratio privaudit/pyotp: {mine / ref:.2f}")


if __name__ == "__main__":
    main()
