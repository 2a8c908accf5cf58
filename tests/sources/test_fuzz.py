"""Hypothesis: whatever the bytes, an importer returns a result or raises InputError,
and no error message quotes a value from the export."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.errors import InputError
from privaudit.sources import BUILTIN_SOURCES, ReadOptions, SourceData, get_importer
from tests.sources.conftest import FIXTURES

MARKER = "zq-MARKER-8d1f"
"""Put in every generated value: an error message containing it quoted the export."""
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FORMATS = [f for f in BUILTIN_SOURCES if f != "keepass-kdbx"]  # KDBX: see test_kdbx
CSV_FORMATS = [f for f in FORMATS if f.endswith("-csv") or f == "csv"]
JSON_FORMATS = [f for f in FORMATS if f.endswith(("-json", "-1pux"))]
OPTIONS = ReadOptions(column_map={"url": "url", "username": "username", "password": "password"})
HEADERS = sorted(
    {"name", "url", "username", "password", "type", "title", "login_uri", "login_password",
     "login_username", "totp", "otpauth", "note", "notes", "group", "grouping", "extra",
     "cardnumber", "category", "uuid", "urls", "nickname", "vault", "email", "httprealm",
     "formactionorigin", "archived", "login_totp", "url(url)", "Password"}
)  # fmt: skip


def _run(fmt: str, data: bytes) -> None:
    message = None
    try:
        result = get_importer(fmt).read(SourceData.from_bytes(data, "fuzz"), OPTIONS)
    except InputError as exc:
        message = str(exc)
    if message is not None:
        assert MARKER not in message
        assert "\n" not in message
        return
    assert result.read == len(result.accounts) + sum(result.skipped.values())
    for problem in result.problems:
        assert MARKER not in problem


@FAST
@given(fmt=st.sampled_from(FORMATS), data=st.binary(max_size=600))
def test_random_bytes(fmt: str, data: bytes) -> None:
    _run(fmt, data)


cells = st.text(max_size=12).map(lambda t: t + MARKER) | st.sampled_from(
    ["", "login", "note", "card", "http://sn", "chrome://x", "1700000000", '"', "\r\n"]
)


@FAST
@given(
    fmt=st.sampled_from(CSV_FORMATS),
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=12),
    rows=st.lists(st.lists(cells, max_size=14), max_size=6),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_structured_csv(fmt: str, header: list[str], rows: list[list[str]], encoding: str) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    _run(fmt, out.getvalue().encode(encoding, "surrogatepass"))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | cells,
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["login", "type", "items", "password", "uris", "vaults",
                                       "data", "content", "details", "records", "accounts",
                                       "urls", "state", "categoryUuid", "totp", "name"]),
                      children, max_size=5),
    max_leaves=25,
)  # fmt: skip


def _skeleton(fmt: str, value: Any) -> Any:
    return {
        "bitwarden-json": {"encrypted": False, "items": [value, {"type": 1, "login": value}]},
        "1password-1pux": {"accounts": [{"vaults": [{"items": [value]}]}]},
        "protonpass-json": {"userId": "u", "vaults": {"v": {"items": [value]}}},
        "keeper-json": {"records": [value, {"password": value, "custom_fields": value}]},
    }.get(fmt, value)


@FAST
@given(fmt=st.sampled_from(JSON_FORMATS), value=json_values)
def test_structured_json(fmt: str, value: Any) -> None:
    _run(fmt, json.dumps(_skeleton(fmt, value)).encode())


@FAST
@given(
    # Every fixture file, those in subfolders too (fixtures/keepass), not the scripts.
    name=st.sampled_from(
        sorted(
            str(p.relative_to(FIXTURES))
            for p in FIXTURES.rglob("*")
            if p.is_file() and p.suffix != ".sh"
        )
    ),
    cut=st.floats(min_value=0, max_value=1),
    flip=st.integers(min_value=0, max_value=255),
)
def test_damaged_fixtures(name: str, cut: float, flip: int) -> None:
    data = bytearray((FIXTURES / name).read_bytes())
    if data:
        data[int(cut * (len(data) - 1))] ^= flip
    for fmt in FORMATS:
        if get_importer(fmt).detect(bytes(data[:65536]), name):
            _run(fmt, bytes(data))
    _run(FORMATS[0], bytes(data[: int(cut * len(data))]))
