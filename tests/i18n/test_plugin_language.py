"""Issue 13, point 7: a plugin check with no text in the chosen language is shown
in English, with one plain notice, in that language, that names it."""

from __future__ import annotations

import dataclasses
from importlib.metadata import EntryPoint

from privaudit.checks.lang import untranslated_notices
from privaudit.context import AuditContext
from privaudit.i18n import use_language
from privaudit.model import Report
from privaudit.registry import plugin_checks
from privaudit.runner import run_audit
from tests.i18n.english import english_lines
from tests.i18n.plugin_checks import WorkEmailRecovery

GROUP = "privaudit.checks.v1"


def _report(lang: str, *targets: str) -> Report:
    eps = [EntryPoint(t.rsplit(":", 1)[1], t, GROUP) for t in targets]
    with use_language(lang):
        return run_audit(plugin_checks(eps), AuditContext())


def test_an_untranslated_plugin_is_shown_in_english_with_one_spanish_notice() -> None:
    report = _report("es", "tests.i18n.plugin_checks:WorkEmailRecovery")
    (meta,) = report.checks
    assert meta.title == "Work email used to recover a personal account"  # as it was written
    assert report.findings[0].message == "recovery goes through your work email"
    (notice,) = report.notices
    assert notice.startswith("El complemento ")
    assert notice.endswith(": su control ORG101 se muestra en inglés.")
    assert english_lines(notice) == []


def test_one_notice_per_package_naming_each_check_with_its_plural() -> None:
    one = WorkEmailRecovery.meta
    metas = [
        dataclasses.replace(one, origin="plugin (orgchecks)"),
        dataclasses.replace(one, id="ORG103", origin="plugin (orgchecks)"),
        dataclasses.replace(one, id="ORG104", origin="checklist (/home/sam/club.toml)"),
    ]
    assert untranslated_notices(metas, "es") == [
        (
            "El complemento orgchecks no tiene textos en español:"
            " sus controles ORG101, ORG103 se muestran en inglés."
        ),
        (
            "La lista /home/sam/club.toml no tiene textos en español:"
            " su control ORG104 se muestra en inglés."
        ),
    ]
    assert untranslated_notices(metas, "en") == []


def test_a_plugin_that_speaks_spanish_needs_no_notice() -> None:
    report = _report("es", "tests.i18n.plugin_checks:OldDevices")
    assert report.notices == ()
    assert report.checks[0].title == "Portátil viejo con la sesión abierta"
    assert report.findings[0].message == "Cierra la sesión en aparatos que ya no usas."


def test_english_runs_say_nothing() -> None:
    report = _report("en", "tests.i18n.plugin_checks:WorkEmailRecovery")
    assert report.notices == ()
