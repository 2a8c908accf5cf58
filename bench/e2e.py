"""End to end: whole privaudit processes beside reference tools, measured in one run.

    python bench/e2e.py [--runs 3] [--quick] [--lines 5000000 --lines 20000000 ...]

Everything a user waits for, from a fresh clone: it generates its data under
bench/.data/ (gitignored, reused), starts its own loopback range server, runs
each privaudit command and its reference as fresh processes, interleaved, and
prints medians, peak RSS and ratios in one table. It exits 0 whatever the
figures are; read them. Sections: start-up, strength, offline lookups, all
checks online, scale (50,000 logins), the previous run's cost, and the online
client rows of bench/online.py when it is present.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import e2e_data as data  # noqa: E402

PY = sys.executable


@dataclass
class Row:
    work: str
    privaudit_s: float | None
    reference: str
    reference_s: float | None
    target: str
    ratio: float | None = None
    met: bool | None = None
    peak_rss_mb: float | None = None
    note: str = ""


ROWS: list[Row] = []


def run_once(
    cmd: Sequence[str],
    *,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB of the process and its waited children, exit code)."""
    err = tempfile.TemporaryFile()  # noqa: SIM115  # closed below, or with the process
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd),
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=err,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )
    if stdin is not None:
        assert proc.stdin is not None
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: the audit found problems, as it should
        err.seek(0)
        tail = err.read()[-300:].decode(errors="replace").strip()
        raise RuntimeError(f"{' '.join(cmd[:4])}... exited {proc.returncode}: {tail}")
    err.close()
    return took, usage.ru_maxrss / 1024, proc.returncode


def paired(
    runs: int,
    a: Callable[[], tuple[float, float, int]],
    b: Callable[[], tuple[float, float, int]] | None = None,
) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """Medians (wall, peak RSS) of `a` and `b`, run alternately so load hits both alike."""
    ta, tb = [], []
    for _ in range(runs):
        ta.append(a())
        if b is not None:
            tb.append(b())
    med = lambda xs: (statistics.median(x[0] for x in xs), max(x[1] for x in xs))  # noqa: E731
    return med(ta), (med(tb) if b is not None else None)


def add(row: Row, goal: float | None = None, *, higher_is_better: bool = False) -> None:
    if row.privaudit_s and row.reference_s:
        row.ratio = row.privaudit_s / row.reference_s
        if higher_is_better:
            row.ratio = row.reference_s / row.privaudit_s
        if goal is not None:
            row.met = row.ratio >= goal if higher_is_better else row.ratio <= goal
    ROWS.append(row)
    print(
        f"  {row.work}: {fmt(row.privaudit_s)} vs {row.reference} {fmt(row.reference_s)}"
        f" -> {fmt_ratio(row)} {row.note}",
        flush=True,
    )


def fmt(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds:.2f} s"


def fmt_ratio(row: Row) -> str:
    return "—" if row.ratio is None else f"{row.ratio:.2f}×"


def privaudit(*args: str) -> list[str]:
    return [PY, "-m", "privaudit", *args]


# ---------------------------------------------------------------- sections


def startup(runs: int, tmp: Path) -> None:
    print("== start-up", flush=True)
    bare = tmp / "bare.py"
    bare.write_text(data.BARE_TYPER)
    ref = lambda: run_once([PY, str(bare), "--help"])  # noqa: E731
    for work, args, goal in (
        ("privaudit --help", ["--help"], 1.0),
        ("privaudit checks list", ["checks", "list"], 1.3),
        ("privaudit demo --format json", ["demo", "--format", "json"], 2.5),
    ):
        (ours, _), theirs = paired(runs * 3, lambda a=args: run_once(privaudit(*a)), ref)
        assert theirs is not None
        add(Row(work, ours, "bare typer --help", theirs[0], f"≤ {goal}×"), goal)


def strength(runs: int, tmp: Path, logins: int) -> None:
    print(f"== strength, {logins:,} logins", flush=True)
    vault = data.vault(tmp, logins)
    ref_script = tmp / "plain_zxcvbn.py"
    ref_script.write_text(data.PLAIN_ZXCVBN)
    (ours, rss), theirs = paired(
        runs,
        lambda: run_once(
            privaudit(
                "audit",
                "--accounts",
                str(vault),
                "--select",
                "PW101",
                "--offline",
                "--format",
                "json",
                "-q",
                "--no-input",
            )
        ),
        lambda: run_once([PY, str(ref_script), str(data.passwords_file(tmp, logins))]),
    )
    assert theirs is not None
    add(
        Row(
            f"strength {logins:,} (--select PW101)",
            ours,
            "plain zxcvbn one at a time",
            theirs[0],
            "≥ 5× faster",
            peak_rss_mb=rss,
        ),
        5.0,
        higher_is_better=True,
    )


def _lookup_audit(vault: Path, corpus: Path) -> tuple[float, float, int]:
    return run_once(
        privaudit(
            *("audit", "--accounts", str(vault), "--select", "BR101", "--offline"),
            *("--pwned-corpus", str(corpus), "--format", "json", "-q", "--no-input"),
        )
    )


def _nothing() -> tuple[float, float, int]:
    return 0.0, 0.0, 0


def offline(runs: int, tmp: Path, sizes: list[int]) -> None:
    print("== offline lookups, 10,000 logins, whole process", flush=True)
    vault = data.vault(tmp, 10_000)
    hashes = data.hashes_file(tmp, 10_000)
    keepass = data.keepass_db(tmp, 10_000)
    for lines in sizes:
        corpus = data.corpus(lines, tmp, 10_000)
        index = data.index_of(corpus)
        label = f"{lines // 1_000_000} M lines"
        linear = partial(run_once, [PY, "-c", data.LINEAR_PASS, str(corpus), str(hashes)])
        (text_s, rss), lin = paired(runs, partial(_lookup_audit, vault, corpus), linear)
        (idx_s, _), _ = paired(runs, partial(_lookup_audit, vault, index))
        assert lin is not None
        goal = 5.0 if lines >= 20_000_000 else 1.0
        target = f"≥ {goal:g}× faster"
        add(
            Row(
                f"offline text, {label}",
                text_s,
                "one Python linear pass",
                lin[0],
                target,
                peak_rss_mb=rss,
            ),
            goal,
            higher_is_better=True,
        )
        add(
            Row(f"offline index, {label}", idx_s, "one Python linear pass", lin[0], target),
            goal,
            higher_is_better=True,
        )
        if lines < 20_000_000:
            continue
        if keepass is None:
            add(
                Row(
                    f"KeePassXC, {label}",
                    idx_s,
                    "keepassxc-cli",
                    None,
                    "≥ 10×",
                    note="not available (apt-get install keepassxc)",
                )
            )
            continue
        db, key = keepass
        kp = partial(
            run_once,
            [
                "keepassxc-cli",
                "analyze",
                "-q",
                "--no-password",
                "-k",
                str(key),
                "--hibp",
                str(corpus),
                str(db),
            ],
        )
        _, kpr = paired(max(1, runs - 1), _nothing, kp)
        assert kpr is not None
        add(
            Row(
                f"offline index vs KeePassXC, {label}",
                idx_s,
                "keepassxc-cli analyze --hibp",
                kpr[0],
                "≥ 10× faster",
            ),
            10.0,
            higher_is_better=True,
        )


def online_all_checks(runs: int, tmp: Path, logins: int) -> None:
    print(f"== all checks online, {logins:,} logins (loopback server, 30 ms)", flush=True)
    from breach import start_server  # noqa: PLC0415

    server, url = start_server(0.030)
    try:
        vault = data.vault(tmp, logins)
        env = {"PRIVAUDIT_PWNED_API_URL": url}

        def audit(*select: str) -> tuple[float, float, int]:
            return run_once(
                privaudit(
                    "audit",
                    "--accounts",
                    str(vault),
                    *select,
                    "--no-cache",
                    "--format",
                    "json",
                    "-q",
                    "--no-input",
                ),
                env=env,
            )

        (br, _), pw = paired(
            runs, lambda: audit("--select", "BR101"), lambda: audit("--select", "PW101")
        )
        (both, rss), _ = paired(runs, audit)
        assert pw is not None
        slower = max(br, pw[0])
        add(
            Row(
                f"all checks online {logins:,}",
                both,
                "slower of BR101 / PW101 alone",
                slower,
                "≤ 1.15×",
                peak_rss_mb=rss,
                note=f"(BR101 {br:.2f} s, PW101 {pw[0]:.2f} s)",
            ),
            1.15,
        )
    finally:
        server.kill()


def scale(runs: int, tmp: Path, logins: int, base: int, small: int) -> None:
    print(f"== scale: all checks offline, {logins:,} logins", flush=True)
    corpus = data.corpus(5_000_000, tmp, 10_000)
    big, mid, few = data.vault(tmp, logins), data.vault(tmp, base), data.vault(tmp, small)

    def audit(vault: Path, fmt: str, home: Path) -> tuple[float, float, int]:
        return run_once(
            privaudit(
                "audit",
                "--accounts",
                str(vault),
                "--offline",
                "--pwned-corpus",
                str(corpus),
                "--format",
                fmt,
                "-q",
                "--no-input",
                "--output",
                str(tmp / f"report.{fmt}"),
            ),
            env={"PRIVAUDIT_HOME": str(home), "COLUMNS": "100"},
        )

    home = tmp / "home-scale"
    (json_s, json_rss), term = paired(
        runs, lambda: audit(big, "json", home), lambda: audit(big, "terminal", home)
    )
    assert term is not None
    row = Row(
        f"all checks offline {logins:,}, JSON",
        json_s,
        "targets",
        None,
        "≤ 25 s and ≤ 700 MB",
        peak_rss_mb=json_rss,
    )
    row.met = json_s <= 25 and json_rss <= 700
    add(row)
    add(
        Row(
            f"terminal vs JSON {logins:,}",
            term[0],
            "the JSON report",
            json_s,
            "≤ 1.2×",
            peak_rss_mb=term[1],
        ),
        1.2,
    )
    (mid_s, _), _ = paired(runs, lambda: audit(mid, "json", tmp / "home-mid"))
    add(
        Row(
            f"{logins:,} logins vs {logins // base} × {base:,}",
            json_s,
            f"{logins // base} × the {base:,}-login run",
            mid_s * logins / base,
            "linear (≤ 1.1×)",
        ),
        1.1,
    )
    # The previous run's cost: a small audit right after the big one, same profile.
    (after, after_rss), fresh = paired(
        runs, lambda: audit(few, "json", home), lambda: audit(few, "json", tmp / "home-fresh")
    )
    assert fresh is not None
    add(
        Row(
            f"{small:,} logins right after a {logins:,}-login run",
            after,
            "same on a fresh profile",
            fresh[0],
            "≤ 1.1×",
            peak_rss_mb=after_rss,
        ),
        1.1,
    )


def online_rows(runs: int, logins: list[int]) -> None:
    print("== online client (bench/online.py --json)", flush=True)
    script = ROOT / "bench" / "online.py"
    if not script.exists():
        ROWS.append(
            Row(
                "online BR101 rows",
                None,
                "raw asyncio client",
                None,
                "see issue 16 (1)",
                note="not available (bench/online.py missing)",
            )
        )
        return
    sizes = [arg for n in logins for arg in ("--logins", str(n))]
    proc = subprocess.run(
        [PY, str(script), "--json", "--runs", str(runs), *sizes],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        rows = json.loads(proc.stdout)
    except ValueError:
        ROWS.append(
            Row(
                "online BR101 rows",
                None,
                "raw asyncio client",
                None,
                "",
                note=f"not available (bench/online.py exited {proc.returncode})",
            )
        )
        return
    for r in rows:
        ROWS.append(
            Row(
                r["work"],
                r["privaudit_s"],
                r["reference"],
                r["reference_s"],
                r["target"],
                r.get("ratio"),
                r.get("met"),
                r.get("peak_rss_mb"),
            )
        )


def table() -> None:
    print()
    print("| work | privaudit | reference | reference time | ratio | target | met | peak RSS |")
    print("|---|---:|---|---:|---:|---|---|---:|")
    for r in ROWS:
        met = "—" if r.met is None else ("yes" if r.met else "**no**")
        rss = "—" if r.peak_rss_mb is None else f"{r.peak_rss_mb:.0f} MB"
        print(
            f"| {r.work} {r.note} | {fmt(r.privaudit_s)} | {r.reference} | {fmt(r.reference_s)}"
            f" | {fmt_ratio(r)} | {r.target} | {met} | {rss} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (medians)")
    parser.add_argument("--quick", action="store_true", help="small sizes, one run: a smoke test")
    parser.add_argument("--lines", type=int, action="append", help="corpus sizes (5 M, 20 M)")
    parser.add_argument(
        "--only",
        action="append",
        choices=["startup", "strength", "offline", "online", "scale", "client"],
    )
    parser.add_argument(
        "--scale-runs",
        type=int,
        default=1,
        help="runs for the 50,000-login rows (default 1: each takes a minute or more)",
    )
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    sizes = args.lines or ([1_000_000] if args.quick else [5_000_000, 20_000_000])
    logins = 1_000 if args.quick else 10_000
    only = set(args.only or ["startup", "strength", "offline", "online", "scale", "client"])
    began = time.monotonic()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"privaudit e2e: {os.cpu_count()} cores, Python {sys.version.split()[0]}, load {load}")
    with tempfile.TemporaryDirectory(prefix="privaudit-e2e-") as name:
        tmp = Path(name)
        os.environ["PRIVAUDIT_HOME"] = str(tmp / "home")
        print("   preparing data (bench/.data/ is reused between runs)...", flush=True)
        subprocess.run(
            [
                PY,
                str(ROOT / "bench" / "e2e_data.py"),
                name,
                str(logins),
                ",".join(map(str, sizes)),
                ",".join(only),
            ],
            check=True,
        )
        steps: list[tuple[str, Callable[[], None]]] = [
            ("startup", lambda: startup(runs, tmp)),
            ("strength", lambda: strength(runs, tmp, logins)),
            ("offline", lambda: offline(runs, tmp, sizes)),
            ("online", lambda: online_all_checks(runs, tmp, logins)),
            (
                "scale",
                lambda: scale(args.scale_runs, tmp, 5 * logins, logins, max(10, logins // 100)),
            ),
            ("client", lambda: online_rows(runs, [logins] if args.quick else [1_000, 10_000])),
        ]
        for name_, step in steps:
            if name_ in only:
                try:
                    step()
                except Exception as exc:  # noqa: BLE001  # a broken section must not hide the rest
                    print(f"  {name_}: failed ({type(exc).__name__}: {exc})", flush=True)
    table()
    after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"\n{(time.monotonic() - began) / 60:.1f} minutes; load average at the end {after}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
