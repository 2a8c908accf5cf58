"""The figures a real session shows come from the learner's own audit, and a breach
check that could not run is said to be unknown, never "none found"."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from privaudit.cli.env import Environment
from privaudit.cli.workshop_run import SessionRequest, learner_report, verdict_of
from privaudit.i18n import use_language
from privaudit.pipeline.password import PasswordChecker
from privaudit.pipeline.request import PasswordCheckRequest
from privaudit.pipeline.settings import password_settings
from privaudit.workshop.content import step_lines
from privaudit.workshop.figures import Figures, from_report
from privaudit.workshop.lesson import STEPS
from tests.pwned.conftest import HibpServer
from tests.pwned.test_cli_breach import bitwarden_export

BREACHES = next(s for s in STEPS if s.key == "breaches")


def _env() -> Environment:
    return Environment(stdin=io.TextIOWrapper(io.BytesIO(b"")))


def test_offline_without_a_breach_list_is_unknown_not_clean(tmp_path: Path) -> None:
    export = bitwarden_export(tmp_path / "bw.json", {"Mail": "P@ssw0rd", "Shop": "hunter2"})
    report = learner_report(_env(), SessionRequest(exports=(str(export),)))  # offline by default
    figures = from_report(report)
    assert figures.accounts == 2 and figures.exports == 1
    assert figures.breached == () and figures.breach_unknown > 0
    lines = step_lines(BREACHES, figures, practice=False)
    assert lines[0] == "The breach check could not run here, so we do not know yet."
    assert "--online" in lines[1] and "--pwned-corpus" in lines[1]

    check = PasswordCheckRequest(offline=True)
    verdict = verdict_of(PasswordChecker(check, password_settings(check)).check(["hunter2"]))
    assert verdict.seen is None, "an offline check is unknown, not 'not found'"
    assert verdict.score <= 1 and verdict.guesses_log10 < 5


def test_the_learners_breached_logins_are_named(tmp_path: Path) -> None:
    from privaudit.demo import demo_file

    export = bitwarden_export(tmp_path / "bw.json", {"Mail": "sunshine1", "Shop": "hunter2"})
    corpus = demo_file("breached-demo.txt")
    request = SessionRequest(exports=(str(export),), offline=True, pwned_corpus=corpus)
    figures = from_report(learner_report(_env(), request))
    assert figures.breached == (("Mail", 451_320),)
    assert step_lines(BREACHES, figures, practice=False) == [
        "1 login uses a password from a breach: Mail"
    ]


def test_numbers_are_grouped_the_learners_way(figures: Figures) -> None:
    assert "451,320 times" in step_lines(BREACHES, figures, practice=True)[0]
    with use_language("es"):
        line = step_lines(BREACHES, figures, practice=True)[0]
    assert "451\u00a0320 veces" in line


def test_without_online_nothing_reaches_the_network(
    tmp_path: Path, hibp_server: HibpServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privaudit.cli.workshop_run import password_checker

    monkeypatch.setenv("PRIVAUDIT_PWNED_API_URL", hibp_server.url)
    export = bitwarden_export(tmp_path / "bw.json", {"Mail": "P@ssw0rd"})
    request = SessionRequest(exports=(str(export),))
    learner_report(_env(), request)
    verdict_of(password_checker(request).check(["P@ssw0rd"]))
    assert hibp_server.requests == []

    online = SessionRequest(exports=(str(export),), offline=False)
    assert from_report(learner_report(_env(), online)).breached == (("Mail", 52_000),)
    assert verdict_of(password_checker(online).check(["P@ssw0rd"])).seen == 52_000
    assert hibp_server.requests


def test_each_sample_gets_the_verdict_pw101_gives_its_demo_login(demo, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    import json

    from privaudit.demo import demo_file
    from privaudit.plan import short_name
    from privaudit.workshop.content import sample_rows
    from privaudit.workshop.figures import strength_word

    vault = json.loads(demo_file("vault.json").read_text("utf-8"))["items"]
    pw101 = {short_name(f.subject): f.status for f in demo.findings if f.check_id == "PW101"}
    for sample, row in zip(figures.samples, sample_rows(figures), strict=True):
        logins = [i["name"] for i in vault if i.get("login", {}).get("password") == sample.password]
        assert logins, sample.password
        assert {pw101[name] for name in logins} == {sample.status}, sample.password
        assert row[1] == strength_word(sample.status, sample.score)
    words = {
        s.password: row[1] for s, row in zip(figures.samples, sample_rows(figures), strict=True)
    }
    assert words["Summer2024!"] == words["sunshine1"] == "weak"
    assert words["Tr0ub4dor&3"] != "strong"  # PW101 warns: short, with no 2-step login


def test_step_one_counts_what_the_report_calls_easy_to_guess(demo, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    from privaudit.model import Status

    fails = [f for f in demo.findings if f.check_id == "PW101" and f.status is Status.FAIL]
    lines = step_lines(STEPS[0], figures, practice=True)
    assert f"  - {len(fails)} logins have a password that is easy to guess" in lines
    assert "  - 1 login has a short password and no 2-step login" in lines


def test_the_one_password_check_speaks_pw101s_words() -> None:
    from privaudit.workshop.figures import strength_word

    check = PasswordCheckRequest(offline=True)
    checker = PasswordChecker(check, password_settings(check))
    summer = verdict_of(checker.check(["Summer2024!"]))
    assert strength_word(summer.status, summer.score) == "weak"
    random14 = verdict_of(checker.check(["hV7#qLm2&xWp9z"]))
    assert strength_word(random14.status, random14.score) == "too short"


def test_step_five_suggests_a_checklist_of_the_learners_own_accounts(tmp_path: Path) -> None:
    privacy = next(s for s in STEPS if s.key == "privacy")
    mine = bitwarden_export(tmp_path / "bw.json", {"Facebook": "hV7#qLm2&xWp9zQQ"})
    data = json.loads(mine.read_text())
    data["items"][0]["login"]["uris"] = [{"uri": "https://www.facebook.com"}]
    mine.write_text(json.dumps(data))
    figures = from_report(learner_report(_env(), SessionRequest(exports=(str(mine),))))
    assert figures.platforms[:1] == ("facebook",)
    assert step_lines(privacy, figures, practice=False)[-1] == (
        "To go through one app's list of questions: `privaudit checklist run facebook`"
    )

    other = bitwarden_export(tmp_path / "other.json", {"Shop": "hV7#qLm2&xWp9zQQ"})
    figures = from_report(learner_report(_env(), SessionRequest(exports=(str(other),))))
    assert figures.platforms == ()
    assert step_lines(privacy, figures, practice=False)[-1].endswith("`privaudit checklist list`")


def test_the_spanish_demo_keeps_each_samples_verdict() -> None:
    """The Spanish demo says "Foro viejo" for the vault's "Old forum": its password's
    verdict still comes from that login."""
    import json
    import sys

    from privaudit.cli.workshop_run import demo_report
    from privaudit.demo import demo_file
    from privaudit.workshop.figures import demo_statuses

    vault = json.loads(demo_file("vault.json").read_text("utf-8"))["items"]
    forum = next(i["login"]["password"] for i in vault if i["name"] == "Old forum")
    env = Environment(stdin=io.TextIOWrapper(io.BytesIO(b"")), stdout=sys.stdout)
    with use_language("es"):
        report = demo_report(env)
        statuses = demo_statuses(report)
    assert any(f.subject.startswith("Foro viejo") for f in report.findings)
    assert forum in statuses
