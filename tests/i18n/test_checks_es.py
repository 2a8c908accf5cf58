"""Issue 13, point 7, for what the checks say: a Spanish run of every check leaves
no English behind, says 1 and many right, fills every placeholder, and stays
comparable with an English run (ids, keys, statuses, severities, details)."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.checklists.loader import builtin_checklists
from privaudit.checklists.model import Answer, AnswerBook, ChecklistContext, Recorded
from privaudit.checks.checklist import ChecklistCheck
from privaudit.checks.strength_text import crack_time
from privaudit.context import AuditContext
from privaudit.i18n import use_language
from privaudit.model import Report, Status
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.request import AuditRequest
from privaudit.pipeline.settings import audit_settings
from privaudit.pwned.client import RangeFetcher
from privaudit.pwned.lookup import LookupResult
from privaudit.pwned.online import OnlineLookup
from privaudit.pwned.options import ClientOptions
from privaudit.pwned.stream import RangeProblem, RangeReader
from privaudit.registry import builtin_checks
from privaudit.runner import run_audit
from privaudit.secret import Secret, TotpSeed
from privaudit.serialize import report_to_dict
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary
from tests.i18n.english import english_lines

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # 160 bits
# Names in the fixtures and the demo: brands and labels, not text to translate.
NAMES = (
    "Code host", "Mail", "Shop", "Router", "Forum", "Bank", "Old site", "Authenticator",
    "Google Account", "Google", "Steam Guard", "Pwned Passwords", "Have I Been Pwned",
    "TOTP", "HOTP", "SHA1", "SHA256", "NIST SP", "RFC", "HIBP", "SIM", "SMS", "QR", "Unicode",
    "http", "https", "chrome", "bitwarden", "profile",
)  # fmt: skip
_FIELD = re.compile(r"\{[a-z_]+\}")


class FixedLookup:
    """Pwned Passwords answers: a count per password (1 and many), nothing sent."""

    source = "the offline corpus (compact index demo.idx)"

    def __init__(self, counts: Mapping[str, int]) -> None:
        from privaudit.pwned.hashing import sha1_hex

        self._by_hash = {sha1_hex(pw): n for pw, n in counts.items()}

    async def lookup(self, hashes: Sequence[str]) -> Mapping[str, LookupResult]:
        return {h: self._by_hash.get(h, 0) for h in hashes}


def _accounts() -> tuple[Account, ...]:
    def acct(label: str, url: str, password: str | None = None, **kw: object) -> Account:
        secret = Secret(password) if password is not None else None
        return Account(label=label, urls=(url,), password=secret, **kw)  # type: ignore[arg-type]

    return (
        acct("Mail", "https://accounts.google.com", "sunshine1", username="sam@example.com"),
        acct("Shop", "http://shop.example.net", "sunshine1", mfa=frozenset({MfaMethod.NONE})),
        acct("Forum", "https://forum.example.org", "sunshine1"),
        acct("Router", "http://192.168.1.1", "Tx9!vQ2#mLr8@Wz4pK"),
        acct("Bank", "https://bank.example.com", "Harbourlight2024!"),
        acct("Old site", "https://old.example.com", "Harbourlight2025?"),
        acct(
            "Code host",
            "https://github.com",
            "Correct-Horse-Battery-9x!Q-staple",
            totp=TotpSeed(SEED),
            mfa=frozenset({MfaMethod.SMS}),
            recovery_codes=True,
            sources=("bitwarden", "chrome"),
            stale_copies=("chrome",),
            modified=NOW - timedelta(days=3),
        ),
        acct("Authenticator", "https://dropbox.com", totp=TotpSeed("JBSWY3DPEHPK3PXP")),
        acct(
            "Authenticator 2",
            "https://www.paypal.com",
            totp=TotpSeed(f"otpauth://totp/x?secret={SEED}&digits=8&period=60"),
        ),
        acct("Authenticator 3", "https://example.net", totp=TotpSeed("not base32 !!")),
        acct("Authenticator 4", "https://twitch.tv", totp=TotpSeed(SEED), recovery_codes=False),
    )


def _context() -> AuditContext:
    expired = Account(
        label="Forum", urls=("https://forum.example.org",), expires=NOW - timedelta(days=9)
    )
    counts = {"sunshine1": 3_456, "Harbourlight2024!": 1}
    return AuditContext(
        accounts=_accounts(),
        clock=lambda: NOW,
        run_key=b"k" * 32,
        pwned=FixedLookup(counts),  # type: ignore[arg-type]
        expired=(expired,),
    )


def _texts(report: Report, *, skip_checklists: bool = False) -> list[str]:
    """Every text of the report that a check wrote: titles, whys, fixes, messages."""
    texts = list(report.notices)
    for meta in report.checks:
        texts += [meta.title, meta.why, meta.fix]
    for f in report.findings:
        if skip_checklists and "item" in f.details:
            continue  # the checklists' own questions: the checklist engineers' catalogs
        texts += [f.subject, f.message, f.fix or ""]
    return texts


def _english(texts: list[str]) -> list[str]:
    return english_lines("\n".join(texts), allowed=NAMES)


def _run(lang: str) -> Report:
    with use_language(lang):
        return run_audit(builtin_checks(), _context())


def test_every_check_speaks_spanish() -> None:
    report = _run("es")
    ran = {f.check_id for f in report.findings}
    wanted = {"PW101", "PW102", "PW103", "PW104", "PW105", "BR101", "EXP101", "MFA101"}
    wanted |= {"MFA102", "MFA103", "MFA150", "TOTP101", "TOTP102", "WEB101"}
    assert wanted <= ran
    texts = _texts(report, skip_checklists=True)
    assert _english(texts) == []
    assert [t for t in texts if _FIELD.search(t)] == []  # every placeholder filled


def test_an_english_run_is_unchanged_and_comparable() -> None:
    english, spanish = _run("en"), _run("es")

    def facts(report: Report) -> list[tuple[object, ...]]:
        # Detail keys never change; their values are data (a dataset's label may be shown
        # in the run's language), compared where they are evidence.
        return sorted(
            (f.check_id, f.key, f.status, report.severity_of(f), tuple(sorted(f.details)))
            for f in report.findings
        )

    assert facts(english) == facts(spanish)
    evidence = [f.details.get("evidence") for f in spanish.findings if "evidence" in f.details]
    assert "declared: none" in evidence
    assert [m.id for m in english.checks] == [m.id for m in spanish.checks]
    said = {f.message for f in english.findings}
    assert "same password as 2 other accounts: Shop, Forum" in said
    assert not {f.message for f in spanish.findings} & said


def test_plural_forms_for_one_and_many() -> None:
    report = _run("es")
    by = {(f.check_id, f.subject.split(" (")[0]): f.message for f in report.findings}
    assert by["PW102", "Mail"].startswith("la misma contraseña que otras 2 cuentas: Shop, Forum")
    assert by["PW103", "Bank"].startswith("una variante de la contraseña de 1 cuenta más")
    assert by["BR101", "Mail"].startswith("vista 3 456 veces")
    assert by["BR101", "Bank"].startswith("vista 1 vez")
    with use_language("es"):
        assert crack_time("1 hour") == "1 hora"
        assert crack_time("46 minutes") == "46 minutos"
        assert crack_time("centuries") == "siglos"
        assert crack_time("in a jiffy") == "in a jiffy"  # an unknown phrase is kept


@pytest.fixture
def demo_report_es() -> Report:
    request = AuditRequest(demo=True, offline=True)
    settings, exports = audit_settings(request)
    with use_language("es"), open_audit(request, settings, exports, AuditIO(io.BytesIO())) as run:
        return run.run()


def test_the_demo_checks_speak_spanish(demo_report_es: Report) -> None:
    texts = _texts(demo_report_es, skip_checklists=True)
    assert _english(texts) == []
    assert any("fácil de adivinar" in t for t in texts)


def _general() -> ChecklistCheck:
    (general,) = [c for c in builtin_checklists() if c.id == "general"]
    assert "es" in general.languages
    return ChecklistCheck(general)


def test_checklist_answers_speak_spanish() -> None:
    check = _general()
    items = [i.id for i in check.checklist.items]
    book = AnswerBook()
    for item, answer, age in zip(
        items,
        [Answer.YES, Answer.NO, Answer.UNSURE, Answer.NOT_APPLICABLE, Answer.YES],
        [1] * 4 + [400],
        strict=False,
    ):
        book = book.with_answer("general", item, Recorded(answer, NOW - timedelta(days=age)))
    state = ChecklistContext(answers=book, scope=frozenset({"general"}), lang="es")
    with use_language("es"):
        report = run_audit([check], AuditContext(clock=lambda: NOW, checklists=state))
        skipped = run_audit([check], AuditContext(clock=lambda: NOW, checklists=ChecklistContext()))
    texts = _texts(report) + _texts(skipped)
    # Item ids are arguments of `privaudit checklist answer`, not prose.
    cleaned = [re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", "ID", t) for t in texts]
    assert _english(cleaned) == []
    messages = " ".join(f.message for f in report.findings)
    assert all(w in messages for w in ("Sí.", "No.", "No lo sabes: revísalo.", "No aplica."))
    assert "tiene más de 180 días" in messages
    english = run_audit([check], AuditContext(clock=lambda: NOW, checklists=state))
    assert {f.key for f in english.findings} == {f.key for f in report.findings}


def test_a_failed_breach_lookup_says_why_in_spanish_and_never_passes() -> None:
    # A closed loopback port: the lookup fails at once, as a dead network would.
    fetcher = RangeFetcher(ClientOptions(base_url="http://127.0.0.1:9", retries=0))
    ctx = AuditContext(
        accounts=(Account(label="Mail", password=Secret("sunshine1")),),
        pwned=OnlineLookup(fetcher),
    )
    with use_language("es"):
        report = run_audit([c for c in builtin_checks() if c.meta.id == "BR101"], ctx)
    (finding,) = report.findings
    assert finding.status is Status.ERROR
    assert finding.message == (
        "no se sabe si está filtrada: no se pudo llegar a 127.0.0.1 (1 intento)."
        " Prueba otra vez, o usa --offline con una lista de filtraciones"
    )


def test_a_captive_portal_page_is_refused_in_spanish() -> None:
    reader = RangeReader(["0" * 35])
    page = b"<html><body>Hotel Wi-Fi: accept the terms</body></html>\n" * 3
    with use_language("es"), pytest.raises(RangeProblem) as refused:
        reader.feed(page)
    assert str(refused.value) == "trae HTML desde la línea 1 (¿una página de acceso o de error?)"


def test_no_canary_in_a_spanish_report() -> None:
    """Translated messages format reasons and names, never a secret (non-negotiable 1)."""
    broken = f"otpauth://totp/x?secret={CANARY_TOTP}&digits=9"  # refused with a reason
    accounts = (
        Account(label="Canary", urls=("http://c.example",), password=Secret(CANARY_PASSWORD)),
        Account(label="Canary 2", urls=("https://d.example",), password=Secret(CANARY_PASSWORD)),
        Account(label="Canary 3", urls=("https://e.example",), totp=TotpSeed(CANARY_TOTP)),
        Account(label="Canary 4", urls=("https://f.example",), totp=TotpSeed(broken)),
    )
    ctx = AuditContext(accounts=accounts, pwned=FixedLookup({CANARY_PASSWORD: 2}))  # type: ignore[arg-type]
    with use_language("es"):
        report = run_audit(builtin_checks(), ctx)
    said = json.dumps(report_to_dict(report), ensure_ascii=False)
    assert "la misma contraseña que 1 cuenta más" in said  # the canary was audited
    assert "'digits' debe ser un número entero entre 6 y 8" in said
    assert_no_canary(said)
