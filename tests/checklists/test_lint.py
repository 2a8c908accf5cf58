"""`privaudit checklist lint`: precise one-line messages and exit 2 for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest

from privaudit.checklists.loader import ChecklistError, load_dir, validate_file


def test_a_good_file_passes(cli, write, good_text) -> None:  # type: ignore[no-untyped-def]
    path = write("acme.toml", good_text)
    result = cli("checklist", "lint", str(path))
    assert result.code == 0, result.err
    assert "ok (2 items, en)" in result.out


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            lambda t: t.replace('severity = "medium"', 'severity = "urgent"'),
            (
                "item 'login-alerts' (#1): field 'severity': must be one of info, low, medium,"
                " high, critical"
            ),
        ),
        (
            lambda t: t.replace('id = "two-step"', 'id = "login-alerts"'),
            "item 'login-alerts' (#2): field 'id': duplicate item id 'login-alerts'",
        ),
        (
            lambda t: t.replace('why = "An alert tells you fast when someone else gets in."\n', ""),
            "item 'login-alerts' (#1): field 'why': is required",
        ),
        (
            lambda t: t.replace(
                "https://intranet.example.com/settings/security", "http://intranet.example.com/x"
            ),
            "item 'login-alerts' (#1): field 'link': must be an https:// URL",
        ),
        (
            lambda t: t.replace(
                '"https://intranet.example.com/settings"', '"https://exa mple.com/settings"'
            ),
            "field 'settings_url': must be an https:// URL",
        ),
        (
            lambda t: t.replace('link = "https', 'link = "javascript:alert(1)//https'),
            "item 'login-alerts' (#1): field 'link': must be an https:// URL",
        ),
        (lambda t: t.replace('check_id = "ACME101"', 'check_id = "acme"'), "field 'check_id'"),
        (lambda t: t.replace("format = 1", "format = 2"), "field 'format'"),
        (lambda t: t.replace('name = "ACME intranet"\n', ""), "field 'name': is required"),
        (
            lambda t: t.replace("tags = [", 'colour = "red"\ntags = ['),
            "item 'login-alerts' (#1): field 'colour': unknown field",
        ),
        (
            lambda t: t.replace('question.en = "Is 2-step login on?"\n', ""),
            "item 'two-step' (#2): field 'question': English text is required",
        ),
        (lambda t: t.replace("reviewed = 2026-11-24", 'reviewed = "soon"'), "field 'reviewed'"),
        (lambda t: t + "\n[[items]\n", "invalid TOML"),
    ],
)
def test_lint_names_file_item_and_field(cli, write, good_text, edit, expected) -> None:  # type: ignore[no-untyped-def]
    path = write("acme.toml", edit(good_text))
    result = cli("checklist", "lint", str(path))
    assert result.code == 2
    assert f"{path}: " in result.err
    assert expected in result.err, result.err
    assert "Traceback" not in result.err


def test_lint_reports_every_problem_not_just_the_first(cli, write, good_text) -> None:  # type: ignore[no-untyped-def]
    text = good_text.replace('severity = "medium"', 'severity = "urgent"').replace(
        'severity = "high"', 'severity = "severe"'
    )
    result = cli("checklist", "lint", str(write("acme.toml", text)))
    assert result.code == 2
    assert result.err.count("field 'severity'") == 2


def test_lint_catches_clashes_with_built_ins_and_between_files(cli, write, good_text) -> None:  # type: ignore[no-untyped-def]
    clash = write("g.toml", good_text.replace('id = "acme"', 'id = "google"'))
    result = cli("checklist", "lint", str(clash))
    assert result.code == 2
    assert "field 'id': 'google' is already used by built-in" in result.err
    a = write("a.toml", good_text)
    b = write("b.toml", good_text.replace('id = "acme"', 'id = "acme2"'))
    result = cli("checklist", "lint", str(a), str(b))
    assert result.code == 2
    assert f"{b}: field 'check_id': 'ACME101' is already used by {a}" in result.err


def test_lint_of_a_missing_or_binary_file(cli, write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "lint", str(tmp_path / "nope.toml"))
    assert result.code == 2
    assert "file not found" in result.err
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    result = cli("checklist", "lint", str(binary))
    assert result.code == 2
    assert "not UTF-8" in result.err


def test_control_characters_in_texts_are_stripped(write, good_text) -> None:  # type: ignore[no-untyped-def]
    text = good_text.replace("Do you get an alert", "Do you \\u001b[31mget\\u202e an alert")
    checklist, problems = validate_file(write("acme.toml", text))
    assert not problems
    assert checklist is not None
    assert checklist.items[0].question.en.startswith("Do you get an alert")


def test_loading_a_folder_raises_one_line(write, good_text) -> None:  # type: ignore[no-untyped-def]
    path = write("acme.toml", good_text.replace('severity = "medium"', 'severity = "x"'))
    with pytest.raises(ChecklistError) as info:
        load_dir(path.parent)
    message = str(info.value)
    assert "\n" not in message
    assert "field 'severity'" in message
    assert "checklist lint" in message
