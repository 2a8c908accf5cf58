"""PLUGIN000: stands in for a plugin (check, source or format) that failed to load.

Its texts are privaudit's own, so they come in every language privaudit speaks,
whatever the plugin's; they are built when read, in the current language.
"""

from __future__ import annotations

import re

from privaudit.check import CheckResult
from privaudit.checks.lang import _, title_ref
from privaudit.context import AuditContext
from privaudit.i18n import SUPPORTED
from privaudit.model import CheckMeta, Severity, Status
from privaudit.plugins import Broken


class BrokenPlugin:
    def __init__(self, broken: Broken) -> None:
        self._plugin = broken.plugin
        self._reason = broken.reason
        slug = re.sub(r"[^a-z0-9]+", "-", self._plugin.name.lower()).strip("-") or "plugin"
        self._name = f"broken-plugin-{slug}"

    @property
    def meta(self) -> CheckMeta:
        plugin = self._plugin
        return CheckMeta(
            id="PLUGIN000",
            name=self._name,
            category="plugin",
            severity=Severity.MEDIUM,
            title=_("Plugin {name} could not be loaded").format(name=repr(plugin.name)),
            why=_("A plugin you installed did not load, so its part of the audit is missing."),
            fix=_("Reinstall or remove the package {package}.").format(
                package=repr(plugin.dist or _("unknown distribution"))
            ),
            origin=plugin.origin,
            languages=frozenset(SUPPORTED),
        )

    def run(self, ctx: AuditContext) -> CheckResult:
        meta = self.meta
        return [meta.finding(Status.ERROR, meta.title, self._reason, ref=title_ref(self))]
