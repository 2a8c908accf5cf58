"""Fuzz every importer in-process: malformed input must be a result or InputError.

For each built-in importer, N inputs (default 10,000) are made from a fixed seed:
random bytes, the project's fixtures with bytes flipped, cut, deleted or
duplicated, and fixtures with values swapped for hostile ones (superscript
dates, 5,000-digit integers, deep nesting, NaN, broken UTF-8, bad zip offsets).
Each is read with the importer's own `read` (not the CLI's safety net), under
a per-input alarm. It prints, per importer: inputs, accepted (exit 0/1),
refused (InputError: exit 2), unexpected exceptions (would be exit 3 without
the net) and hangs (over the alarm), and exits 1 if any of the last two is
not zero.

    python bench/fuzz.py                 # 10,000 per importer (a few minutes)
    python bench/fuzz.py -n 500 -f chrome-csv
"""

from __future__ import annotations

import argparse
import io
import random
import signal
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from privaudit.errors import InputError  # noqa: E402
from privaudit.secret import Secret  # noqa: E402
from privaudit.sources import BUILTIN_SOURCES, ReadOptions, SourceData, get_importer  # noqa: E402

FIXTURES = ROOT / "tests" / "sources" / "fixtures"
ALARM_SECONDS = 5.0
HOSTILE = [
    "²⁰²⁰-⁰¹-⁰¹", "١٧٠٠٠٠٠٠٠٠", "9" * 5000, "-1", "1e999", "NaN", "Infinity", "null",
    "9999-12-31T23:59:59-23:59", "0000-00-00", "[" * 3000 + "]" * 3000, "{" * 50,
    "\x00", "\x1b]52;c;eA==\x07", "\u202e", '"', "\r\n", ",,,,", "<Group>" * 50,
    "x" * 70_000, "1" * 30, "true", "[]", "{}",
]  # fmt: skip
JSON_LITERALS = [
    "9" * 5000, "-" + "9" * 4400, "1e999", "-1", "0", "1.5", "NaN", "Infinity", "null", "true",
    "{}", "[]", "[" * 5000 + "]" * 5000, '{"a":' * 2000 + "1" + "}" * 2000, "17000000000000",
]  # fmt: skip
HOSTILE_BYTES = [h.encode() for h in HOSTILE] + [
    b"\xff\xfe",
    b"\xc3",
    b"\xed\xa0\x80",
    b"PK\x03\x04",
]
FORMAT_FIXTURES = {
    "bitwarden-json": ["bitwarden.json", "bw-list-items.json"],
    "bitwarden-csv": ["bitwarden.csv"],
    "1password-1pux": ["1password.1pux"],
    "1password-csv": ["1password-mac.csv", "1password-windows.csv", "1password8.csv"],
    "keepass-xml": ["keepass.xml"],
    "keepassxc-csv": ["keepassxc.csv"],
    "firefox-csv": ["firefox.csv"],
    "chrome-csv": ["chrome.csv", "chrome-utf16.csv"],
    "safari-csv": ["safari.csv"],
    "lastpass-csv": ["lastpass.csv"],
    "dashlane-csv": ["dashlane.csv"],
    "nordpass-csv": ["nordpass.csv", "nordpass-old.csv"],
    "protonpass-json": ["protonpass.json", "protonpass.zip"],
    "protonpass-csv": ["protonpass.csv"],
    "keeper-json": ["keeper.json"],
    "myki-csv": ["myki.csv"],
    "csv": ["generic.csv"],
}
KDBX_PASSWORD = "fuzz-db-password"


class Hang(Exception):
    pass


@dataclass
class Tally:
    inputs: int = 0
    accepted: int = 0
    refused: int = 0
    unexpected: Counter[str] = field(default_factory=Counter)
    hangs: int = 0
    slowest: float = 0.0
    examples: dict[str, bytes] = field(default_factory=dict)


def _kdbx_seed() -> bytes:
    from pykeepass import create_database  # noqa: PLC0415  # only when KDBX is fuzzed

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.kdbx"
        db = create_database(str(path), password=KDBX_PASSWORD)
        kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
        kdf["I"].value, kdf["M"].value = 1, 1024 * 1024
        db.add_entry(db.root_group, "Mail", "alice", "pw-fuzz-1", url="https://mail.example.com")
        db.save()
        return path.read_bytes()


def seeds(fmt: str) -> list[bytes]:
    if fmt == "keepass-kdbx":
        return [_kdbx_seed()]
    names = FORMAT_FIXTURES.get(fmt)
    if names is None:  # an importer added later: its fixtures by family name ("enpass*")
        family = fmt.partition("-")[0]
        names = sorted(p.name for p in FIXTURES.glob(f"{family}*") if p.is_file())
    return [(FIXTURES / name).read_bytes() for name in names]


def mutate(rng: random.Random, data: bytes) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        at = rng.randrange(len(buf) + 1) if buf else 0
        if op == 0 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            del buf[at:]
        elif op == 2:
            del buf[at : at + rng.randint(1, 64)]
        elif op == 3:
            buf[at:at] = buf[at : at + rng.randint(1, 256)]
        elif op == 4:
            buf[at:at] = rng.choice(HOSTILE_BYTES)
        else:
            buf[at : at + rng.randint(1, 20)] = rng.choice(HOSTILE_BYTES)
    return bytes(buf)


def swap_values(rng: random.Random, data: bytes) -> bytes:
    """Replace a quoted value or a CSV cell with a hostile one."""
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 3)):
        sep = rng.choice(['"', ",", ">"])
        positions = [i for i, ch in enumerate(text[:20000]) if ch == sep]
        if len(positions) < 2:
            break
        i = rng.randrange(len(positions) - 1)
        start, end = positions[i] + 1, positions[i + 1]
        if sep == '"' and rng.random() < 0.4:  # a JSON value of another type, unquoted
            text = text[: start - 1] + rng.choice(JSON_LITERALS) + text[end + 1 :]
        else:
            text = text[:start] + rng.choice(HOSTILE) + text[end:]
    return text.encode("utf-8", "surrogatepass")


def rezip(rng: random.Random, data: bytes) -> bytes:
    """A zip export whose member is damaged but whose zip structure is sound."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {name: archive.read(name) for name in archive.namelist()}
    except zipfile.BadZipFile:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            fn = swap_values if rng.random() < 0.5 else mutate
            archive.writestr(name, fn(rng, content))
    return out.getvalue()


def inputs(fmt: str, count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(f"{seed}-{fmt}")
    base = seeds(fmt)
    for n in range(count):
        kind = n % 4 if base else 0
        chosen = rng.choice(base) if base else b""
        if kind == 0:
            yield rng.randbytes(rng.randint(0, 600))
        elif kind == 1:
            yield mutate(rng, chosen)
        elif kind == 2 and chosen.startswith(b"PK"):
            yield rezip(rng, chosen)
        elif kind == 2:
            yield mutate(rng, chosen)
        else:
            yield swap_values(rng, chosen)


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def run_one(
    read: Callable[[SourceData, ReadOptions], object],
    data: bytes,
    options: ReadOptions,
    tally: Tally,
) -> None:
    tally.inputs += 1
    source = SourceData.from_bytes(data, "fuzz", max_bytes=16 * 1024 * 1024)
    start = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, ALARM_SECONDS)
    try:
        read(source, options)
    except InputError:
        tally.refused += 1
    except Hang:
        tally.hangs += 1
    except Exception as exc:  # noqa: BLE001  # what we are counting
        name = f"{type(exc).__name__} at {exc.__traceback__ and _where(exc)}"
        tally.unexpected[name] += 1
        tally.examples.setdefault(name, data)
    else:
        tally.accepted += 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    tally.slowest = max(tally.slowest, time.perf_counter() - start)


def _where(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="inputs per importer")
    parser.add_argument("-f", "--format", action="append", help="only these importers")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--save", type=Path, help="write one example of each unexpected exception here"
    )
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    options = ReadOptions(
        column_map={"url": "website", "username": "login", "password": "pass"},
        kdbx_password=lambda: Secret(KDBX_PASSWORD),
    )
    plain = ReadOptions(kdbx_password=lambda: Secret(KDBX_PASSWORD))
    failed = False
    columns = ("inputs", 7), ("accepted", 8), ("refused", 8), ("unexpected", 10), ("hangs", 5)
    print(f"{'importer':16} " + " ".join(f"{n:>{w}}" for n, w in columns) + f" {'slowest':>8}")
    started = time.perf_counter()
    for fmt in args.format or list(BUILTIN_SOURCES):
        importer = get_importer(fmt)
        tally = Tally()
        for data in inputs(fmt, args.n, args.seed):
            run_one(importer.read, data, options if fmt == "csv" else plain, tally)
        bad = sum(tally.unexpected.values())
        failed |= bool(bad or tally.hangs)
        print(
            f"{fmt:16} {tally.inputs:7} {tally.accepted:8} {tally.refused:8} {bad:10}"
            f" {tally.hangs:5} {tally.slowest * 1000:6.0f}ms"
        )
        for name, n in tally.unexpected.most_common():
            print(f"    {n} x {name}")
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{fmt}-{name.replace(' ', '_').replace(':', '_')}.bin").write_bytes(
                    tally.examples[name]
                )
    print(f"total {time.perf_counter() - started:.0f}s; alarm {ALARM_SECONDS:.0f}s per input")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
