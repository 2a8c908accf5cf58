"""The share document: buckets, validation, the learner token and `audit --share`."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from privaudit.classroom.learner import next_token, normalize_code, scope_for
from privaudit.classroom.output import check_share_target, write_share
from privaudit.classroom.share import (
    MAX_SHARE_BYTES,
    ShareError,
    bucket,
    build_share,
    dumps,
    parse_share,
    percent_floor,
)
from privaudit.errors import InputError
from tests.cli.test_canary import CANARIES, bitwarden_export
from tests.conftest import assert_no_canary, files_under
from tests.samples import sample_report


def test_buckets_are_exact_to_four_then_ranges() -> None:
    assert [bucket(n) for n in (0, 1, 4, 5, 9, 10, 10_000)] == [
        "0", "1", "4", "5-9", "5-9", "10+", "10+",
    ]  # fmt: skip
    with pytest.raises(ValueError):
        bucket(-1)


def test_coverage_is_rounded_down_to_tens() -> None:
    assert percent_floor(19, 20) == 90
    assert percent_floor(20, 20) == 100
    assert percent_floor(1, 3) == 30
    assert percent_floor(0, 0) is None


def test_the_sample_report_shares_only_counts_and_scores() -> None:
    doc = build_share(sample_report(), learner="0" * 32, round_=2)
    assert doc["kind"] == "privaudit-share"
    assert doc["day"] == "2026-11-01"
    assert doc["accounts"] == "4"
    assert doc["checks"]["PW101"] == {"fail": "2", "warn": "1", "pass": "1"}
    assert "INF101" not in doc["checks"]  # not a built-in check
    assert doc["learner"] == "0" * 32
    assert doc["round"] == 2
    text = dumps(doc).decode()
    for private in ("sam", "Mail", "Instagram", "export.json", "bitwarden", "09:30", "1.2.3"):
        assert private not in text


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "the file is not a group of fields"),
        (b'{"kind": "privaudit-share", "kind": "x"}', "twice"),
        (b'{"score": NaN}', "NaN"),
        (b" " * (MAX_SHARE_BYTES + 1), "larger than 64 KB"),
        (b"[" * 60_000, "not JSON"),
    ],
)
def test_malformed_documents_are_refused_with_a_reason(data: bytes, why: str) -> None:
    with pytest.raises(ShareError, match=why):
        parse_share(data)


def test_an_impossible_day_is_refused() -> None:
    doc = build_share(sample_report())
    doc["day"] = "2026-02-30"
    with pytest.raises(ShareError, match="day"):
        parse_share(json.dumps(doc).encode())


def test_a_document_round_trips() -> None:
    doc = build_share(sample_report())
    assert parse_share(dumps(doc)) == doc


def test_the_token_is_per_class_per_device_and_counts_rounds(tmp_path: Path) -> None:
    # Letters that are not hex digits, so a stored hash cannot contain them by chance.
    first, one = next_token(scope_for("QRS-123", "2026-12-02"), folder=tmp_path / "a")
    again, two = next_token(scope_for("qrs 123", "2026-12-03"), folder=tmp_path / "a")
    other_class, _ = next_token(scope_for("XYZ", "2026-12-02"), folder=tmp_path / "a")
    other_device, _ = next_token(scope_for("QRS-123", "2026-12-02"), folder=tmp_path / "b")
    assert first == again and (one, two) == (1, 2)
    assert len({first, other_class, other_device}) == 3
    state = tmp_path / "a" / "learner.json"
    assert stat.S_IMODE(state.stat().st_mode) == 0o600
    assert stat.S_IMODE(state.parent.stat().st_mode) == 0o700
    assert "qrs" not in state.read_text().lower()  # the class code is not stored
    without_code, _ = next_token(scope_for(None, "2026-12-02"), folder=tmp_path / "a")
    next_day, _ = next_token(scope_for(None, "2026-12-03"), folder=tmp_path / "a")
    assert without_code != next_day


def test_a_damaged_token_file_says_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "learner.json").write_text("{}")
    with pytest.raises(InputError, match="delete it"):
        next_token("day:2026-12-02", folder=tmp_path)


@pytest.mark.parametrize("code", ["", "---", "x" * 65])
def test_bad_class_codes_are_refused(code: str) -> None:
    with pytest.raises(InputError, match="class code"):
        normalize_code(code)


def test_only_a_share_file_is_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "share.json"
    write_share(target, build_share(sample_report()))
    write_share(target, build_share(sample_report()))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    precious = tmp_path / "report.html"
    precious.write_text("<html>my report</html>")
    with pytest.raises(InputError, match="not a privaudit share file"):
        check_share_target(precious)
    (tmp_path / "empty.json").touch()
    check_share_target(tmp_path / "empty.json")


def test_audit_share_writes_the_document_and_says_what_is_in_it(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "share.json"
    result = cli("audit", "--demo", "--offline", "--share", str(target), "--code", "room 4")
    assert result.code in (0, 1, 3), result.err
    doc = parse_share(target.read_bytes())
    assert doc["demo"] is True and doc["round"] == 1
    assert "Share file" in result.err and "no account names" in result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = cli("audit", "--demo", "--offline", "--share", str(target), "--code", "ROOM-4")
    assert again.code == result.code
    second = parse_share(target.read_bytes())
    assert second["round"] == 2 and second["learner"] == doc["learner"]


def test_audit_share_refuses_before_any_work(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    precious = tmp_path / "notes.txt"
    precious.write_text("my notes")
    result = cli("audit", "--demo", "--share", str(precious))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "notes.txt" in result.err
    assert result.out == ""  # no report: refused before the audit ran
    assert precious.read_text() == "my notes"
    lone = cli("audit", "--demo", "--code", "ROOM4")
    assert lone.code == 2 and "--share" in lone.err
    report = tmp_path / "report.json"
    same = cli("audit", "--demo", "-o", str(report), "--share", str(tmp_path / "." / "report.json"))
    assert same.code == 2 and "same file" in same.err and not report.exists()


def test_the_canary_never_reaches_a_share(cli, tmp_path: Path, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    export = bitwarden_export(tmp_path / "export.json")
    target = tmp_path / "share.json"
    result = cli("audit", "--accounts", str(export), "--offline", "--share", str(target))
    assert result.code in (0, 1, 3), result.err
    blob = target.read_bytes()
    assert_no_canary(blob, result.err, canaries=CANARIES)
    for word in (b"Canary", b"canary", b"example.org", b"mail", b"shop"):
        assert word not in blob.lower()
    for path in files_under(isolated_home):
        assert_no_canary(path.read_bytes(), canaries=CANARIES)
    assert parse_share(blob)["checks"]["PW102"]["fail"] == "2"  # the canary was audited


def test_the_share_line_reads_easily_in_both_languages() -> None:
    from privaudit.classroom.output import share_written
    from privaudit.i18n import use_language
    from tests.i18n.english import english_lines
    from tests.readability import hard_to_read

    english = share_written(Path("share.json"), "2026-12-02")
    with use_language("es"):
        spanish = share_written(Path("share.json"), "2026-12-02")
    assert english_lines(spanish) == []
    assert hard_to_read({"share line": english}, "en") == []
    assert hard_to_read({"share line": spanish}, "es") == []


def test_the_inlined_schema_judges_like_the_published_one() -> None:
    import jsonschema

    from privaudit.classroom.share import inline_refs, share_schema
    from tests.classroom.shares import class_of

    schema = share_schema()
    published = jsonschema.Draft202012Validator(schema)
    inlined = jsonschema.Draft202012Validator(inline_refs(schema, schema["$defs"]))
    assert "$ref" not in json.dumps(inlined.schema)
    docs = class_of(6)
    bad = []
    for doc in docs[:3]:
        for path, value in (
            (("score",), 101),
            (("grade",), "E"),
            (("accounts",), "12"),
            (("coverage", "2fa"), 75),
            (("categories", "mfa", "score"), -1),
            (("categories", "mfa", "extra"), 1),
            (("checks", "PW101", "fail"), "6"),
            (("checks", "PW101", "maybe"), "1"),
            (("learner",), "XYZ"),
            (("round",), 0),
        ):
            copy = json.loads(json.dumps(doc))
            target = copy
            for key in path[:-1]:
                target = target.setdefault(key, {})
            target[path[-1]] = value
            bad.append(copy)
    for doc in [*docs, *bad]:
        assert published.is_valid(doc) == inlined.is_valid(doc)
        first = jsonschema.exceptions.best_match(published.iter_errors(doc))
        second = jsonschema.exceptions.best_match(inlined.iter_errors(doc))
        assert (first and (list(first.absolute_path), first.validator)) == (
            second and (list(second.absolute_path), second.validator)
        )
    assert not any(inlined.is_valid(doc) for doc in bad)
