"""`privaudit class summary`: aggregation, before/after, gaps, bad files, both languages."""

from __future__ import annotations

import dataclasses
import json
import re
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.classroom.html import render_summary_html, summary_csp
from privaudit.classroom.lessons import CHECKLISTS, LESSONS, lesson_for
from privaudit.classroom.render_json import summary_to_dict
from privaudit.classroom.share import build_share
from privaudit.classroom.summary import summarize
from privaudit.classroom.texts import page_texts
from privaudit.i18n import use_language
from tests.classroom.reports import shapes
from tests.classroom.shares import class_of, share, token, write
from tests.i18n.english import english_lines
from tests.readability import hard_to_read

BRANDS = [name for _, name in CHECKLISTS.values()] + ["privaudit", "passkey", "SMS", "Summer1"]


def visible_text(html: str) -> str:
    """The words a reader sees: tags dropped, one line per block."""
    body = re.sub(r"<(style|title)[^>]*>.*?</\1>", "", html, flags=re.S)
    return re.sub(r"<[^>]+>", "\n", body)


def test_a_class_is_summarised() -> None:
    summary = summarize(class_of(12))
    assert summary.learners == 12
    assert summary.shares == 16
    assert sum(b.learners for b in summary.bands) + summary.unscored == 12
    assert [g.check_id for g in summary.gaps][:2] == ["MFA101", "PW101"]
    assert "MFA150" not in [g.check_id for g in summary.gaps]  # informational only
    assert all(g.learners <= summary.learners for g in summary.gaps)
    assert len(summary.progress.pairs) == 4
    assert summary.progress.improved == 4


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.data(), st.lists(shapes, min_size=1, max_size=5))
def test_any_set_of_generated_shares_summarises(data: st.DataObject, class_shapes: list) -> None:  # type: ignore[type-arg]
    from tests.classroom.reports import realise

    docs = []
    for n, shape in enumerate(class_shapes):
        report = data.draw(realise(shape, fixed="x")).report  # text is test_anonymity's
        learner = token(data.draw(st.integers(0, 3)))
        docs.append(build_share(report, learner=learner, round_=n + 1))
    summary = summarize(docs)
    assert summary.learners <= 4  # practice (demo) results are counted apart
    assert summary.learners + summary.demo >= 1
    assert summary.learners == len({d["learner"] for d in docs if not d["demo"]})
    assert sum(b.learners for b in summary.bands) + summary.unscored == summary.learners
    out = summary_to_dict(summary)
    assert out["learners"] == summary.learners
    json.dumps(out)
    html = render_summary_html(summary)
    assert ("<svg" in html) == bool(summary.learners)  # no chart of practice results alone
    assert "Content-Security-Policy" in html


def test_the_informational_checks_are_the_registry_s() -> None:
    from privaudit.classroom.summary import INFORMATIONAL
    from privaudit.model import Severity
    from privaudit.registry import builtin_checks

    found = {c.meta.id for c in builtin_checks() if c.meta.severity is Severity.INFO}
    assert found == INFORMATIONAL


def test_before_and_after_pairs_first_and_last_by_day_then_round() -> None:
    docs = [
        share(score=80, learner=1, round_=2, day="2026-12-02"),  # given first, made last
        share(score=40, learner=1, round_=1, day="2026-12-02"),
        share(score=60, learner=2, round_=1, day="2026-12-09"),
        share(score=70, learner=2, round_=5, day="2026-12-02"),  # an earlier day wins
        share(score=90, learner=3, round_=1),
        share(score=90, learner=3, round_=1),  # the same file twice counts once
        share(score=None),
    ]
    summary = summarize(docs)
    assert summary.learners == 4
    assert summary.progress.pairs == ((40, 80), (70, 60))
    assert (summary.progress.improved, summary.progress.same, summary.progress.worse) == (1, 0, 1)
    assert summary.unscored == 1
    assert summary.days == ("2026-11-01", "2026-12-02", "2026-12-09")


def test_the_json_summary(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = write(tmp_path / "in", class_of(9))
    result = cli("class", "summary", *map(str, files), "--format", "json")
    assert result.code == 0, result.err
    out = json.loads(result.out)
    assert out["kind"] == "privaudit-class-summary" and out["learners"] == 9
    assert out["gaps"][0] == {
        "check_id": "MFA101",
        "learners": 6,
        "name": "No 2-step login",
        "lesson": lesson_for("MFA101").lesson,
    }
    assert out["before_after"]["learners"] == 3


def test_the_html_summary_is_private_and_self_contained(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = write(tmp_path / "in", class_of(9))
    target = tmp_path / "class.html"
    result = cli("class", "summary", *map(str, files), "--output", str(target))
    assert result.code == 0, result.err
    assert "class.html" in result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    html = target.read_text("utf-8")
    assert summary_csp().replace("'", "&#39;") in html
    assert " style=" not in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert html.count("<svg") == 2  # the scores, and before/after


@pytest.mark.parametrize(
    "bad",
    [b"{}", b"not json", json.dumps({**share(score=50), "username": "alice"}).encode()],
)
def test_a_malformed_file_stops_everything(cli, tmp_path: Path, bad: bytes) -> None:  # type: ignore[no-untyped-def]
    files = write(tmp_path / "in", class_of(3))
    broken = tmp_path / "in" / "broken.json"
    broken.write_bytes(bad)
    target = tmp_path / "class.html"
    result = cli("class", "summary", *map(str, files), str(broken), "--output", str(target))
    assert result.code == 2
    assert result.err.count("\n") == 1 and "broken.json" in result.err
    assert "Traceback" not in result.err and "alice" not in result.err
    assert not target.exists()
    assert list((tmp_path).glob(".class.html*")) == []


def test_a_missing_file_is_named(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("class", "summary", str(tmp_path / "nope.json"), "--format", "json")
    assert result.code == 2 and "nope.json" in result.err and result.out == ""


def test_a_bad_format_is_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = write(tmp_path / "in", class_of(1))
    result = cli("class", "summary", str(files[0]), "--format", "pdf")
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert "html" in result.err and result.out == ""


def test_the_language_follows_privaudit_s_rule(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [str(p) for p in write(tmp_path / "in", class_of(3))]
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert json.loads(cli("class", "summary", *files, "-f", "json").out)["language"] == "es"
    chosen = cli("class", "summary", *files, "-f", "json", "--lang", "en")
    assert json.loads(chosen.out)["language"] == "en"
    unknown = cli("class", "summary", *files, "-f", "json", "--lang", "fr")
    assert unknown.code == 0 and json.loads(unknown.out)["language"] == "en"
    assert "fr" in unknown.err  # one plain notice: no French yet
    assert cli("class", "summary", *files, "--lang", "123").code == 2


# Platform checklists never reach a share (privaudit.classroom.share).
SHAREABLE = [cid for cid in CHECKLISTS if cid <= "CL103"]


def test_spanish_has_no_english_left(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    docs = class_of(9)
    # One learner with every gap (the page shows the commonest five; all are checked below).
    docs.append(share(score=None, checks={cid: {"fail": "1"} for cid in [*LESSONS, *SHAREABLE]}))
    files = write(tmp_path / "in", docs)
    target = tmp_path / "clase.html"
    result = cli("class", "summary", *map(str, files), "-o", str(target), "--lang", "es")
    assert result.code == 0 and english_lines(result.err.replace(str(tmp_path), "")) == []
    html = target.read_text("utf-8")
    assert '<html lang="es">' in html
    assert english_lines(visible_text(html), allowed=BRANDS) == []
    as_json = cli("class", "summary", *map(str, files), "-f", "json", "--lang", "es").out
    assert english_lines(as_json, allowed=[*BRANDS, "check_id", "learners", "name", "lesson"]) == []
    with use_language("es"):
        texts = [lesson_for(cid) for cid in [*LESSONS, *CHECKLISTS, "ZZ101"]]
        empty = summarize([share(score=None)])
        words = page_texts(empty)
    assert english_lines("\n".join(t.gap + "\n" + t.lesson for t in texts), allowed=BRANDS) == []
    assert english_lines("\n".join(str(v) for v in words.values()), allowed=BRANDS) == []


def _sentences(lang: str) -> dict[str, str]:
    """Every sentence a summary can show (labels of a few words are not prose)."""
    with use_language(lang):
        out = {}
        for cid in [*LESSONS, *CHECKLISTS, "ZZ101"]:
            out[cid] = re.sub(r"`[^`]*`", "", lesson_for(cid).lesson)
        for docs in (class_of(9), [share(score=None)], [share(score=50, demo=True)]):
            for key, value in page_texts(summarize(docs)).items():
                for i, line in enumerate(value if isinstance(value, list) else [value]):
                    if len(str(line).split()) >= 6:
                        out[f"{key}[{i}]"] = str(line)
    return out


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_texts_read_easily(lang: str) -> None:
    assert hard_to_read(_sentences(lang), lang) == []


def test_an_incomplete_audit_shows_as_no_grade_never_grade_f() -> None:
    incomplete = share(score=40, learner=1, round_=1)
    incomplete["grade"] = None  # an audit that checked too little: a score, no grade
    summary = summarize([incomplete, share(score=85, learner=2, round_=1)])
    assert [b.learners for b in summary.bands if b.grade == "F"] == [0]
    assert summary.unscored == 1 and summary.median == 85
    for lang, words in (("en", "no grade"), ("es", "sin nota")):
        with use_language(lang):
            assert any(words in line for line in page_texts(summary)["score_lines"])
    with use_language("es"):
        html = render_summary_html(summary)
    assert "sin nota" in html


def test_practice_results_are_counted_apart_and_a_copy_is_not_an_after() -> None:
    real = [share(score=80, learner=1, round_=1), share(score=60, learner=2, round_=1)]
    practice = [share(score=20, learner=n, round_=1, demo=True) for n in (3, 4)]
    summary = summarize([*real, *practice])
    assert summary == dataclasses.replace(summarize(real), demo=2)
    with use_language("en"):
        assert page_texts(summary)["demo"] == "2 practice results (on the demo data), not counted."
    # The same result shared twice (its next round): a copy, not a "before" and "after".
    again = summarize([share(score=70, learner=5, round_=1), share(score=70, learner=5, round_=2)])
    assert again.progress.pairs == () and again.shares == 1


@pytest.mark.parametrize(
    ("name", "args", "starts"),
    [("class3.json", (), "{"), ("class3.HTML", (), "<!DOCTYPE"), ("c.md", ("-f", "json"), "{")],
)
def test_the_format_follows_the_output_suffix_and_format_wins(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, name: str, args: tuple[str, ...], starts: str
) -> None:
    files = write(tmp_path / "in", class_of(3))
    result = cli("class", "summary", *map(str, files), "-o", str(tmp_path / name), *args)
    assert result.code == 0, result.err
    assert (tmp_path / name).read_text("utf-8").lstrip().startswith(starts)


def test_an_unknown_output_suffix_is_refused_with_nothing_written(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    files = write(tmp_path / "in", class_of(3))
    target = tmp_path / "class3.md"
    result = cli("class", "summary", *map(str, files), "--output", str(target))
    assert result.code == 2 and result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert "class3.md" in result.err and ".md" in result.err and "--format" in result.err
    assert not target.exists()


@pytest.mark.parametrize(
    ("lang", "says"),
    [("en", "the file lacks the score field"), ("es", "falta el campo score")],
)
def test_a_schema_problem_is_said_in_plain_words_naming_the_file(  # type: ignore[no-untyped-def]
    cli, tmp_path: Path, lang: str, says: str
) -> None:
    doc = share(score=70)
    del doc["score"]
    [path] = write(tmp_path / "in", [doc])
    result = cli("class", "summary", str(path), "--lang", lang)
    assert result.code == 2 and result.out == ""
    [line] = result.err.strip().splitlines()
    assert str(path) in line and says in line, line
    assert "required" not in line and "regla" not in line
