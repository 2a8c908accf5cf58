"""The handout's gettext domain (docs/i18n.md)."""

from __future__ import annotations

from privaudit.i18n import Domain

DOMAIN = "handout"
_domain = Domain(DOMAIN)
_ = _domain.gettext
ngettext = _domain.ngettext
