"""The live page: the class summary as it stands, reloaded every few seconds.

The summary itself is the classroom renderer's (the page `class summary`
writes, asked to reload itself with ``<meta http-equiv="refresh">``: no
JavaScript); this adds the Content-Security-Policy header. The policy allows
nothing but the page's own style blocks, by their SHA-256, and no framing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from privaudit.classserver import share
from privaudit.classserver.summary import waiting_page
from privaudit.csp import page_policy, style_hash
from privaudit.i18n import use_language

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class LivePage:
    html: str
    csp: str


def policy(page: str) -> str:
    styles = " ".join(sorted({style_hash(css) for css in _STYLE.findall(page)})) or "'none'"
    return page_policy(styles, frame_ancestors=True)


def live_page(docs: Sequence[Mapping[str, Any]], *, lang: str, refresh_seconds: int) -> LivePage:
    with use_language(lang):
        if docs:
            page = share.render_summary(docs, refresh_seconds=refresh_seconds)
        else:
            page = waiting_page(refresh_seconds)
    return LivePage(page, policy(page))
