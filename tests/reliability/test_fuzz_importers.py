"""A bounded run of bench/fuzz.py in the suite: every importer, 150 inputs each
(the bench runs 10,000), 0 unexpected exceptions and 0 hangs."""

from __future__ import annotations

import importlib.util
import signal
import sys
from pathlib import Path
from types import ModuleType

import pytest

from privaudit.secret import Secret
from privaudit.sources import BUILTIN_SOURCES, ReadOptions, get_importer

PER_IMPORTER = 150


def _bench() -> ModuleType:
    path = Path(__file__).parents[2] / "bench" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("privaudit_bench_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _bench()


@pytest.mark.parametrize("fmt", list(BUILTIN_SOURCES))
def test_importer_survives_the_fuzz_profile(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A hang is a loop that never ends; a loaded CI machine must not turn a KDBX whose
    # flipped bits ask for 500 MiB of Argon2 (within the bounds) into one.
    monkeypatch.setattr(fuzz, "ALARM_SECONDS", 60.0)
    previous = signal.signal(signal.SIGALRM, fuzz._alarm)
    try:
        options = ReadOptions(
            column_map={"url": "website", "username": "login", "password": "pass"}
            if fmt == "csv"
            else None,
            kdbx_password=lambda: Secret(fuzz.KDBX_PASSWORD),
        )
        tally = fuzz.Tally()
        importer = get_importer(fmt)
        for data in fuzz.inputs(fmt, PER_IMPORTER, seed=2026):
            fuzz.run_one(importer.read, data, options, tally)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert tally.inputs == PER_IMPORTER
    assert dict(tally.unexpected) == {}
    assert tally.hangs == 0
