"""The printable HTML timeline: self-contained, every field escaped, CSP none."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from privaudit.incidents.log import Verification
from privaudit.incidents.platforms import Platform
from privaudit.incidents.timeline import MINOR_WARNING

_CSS = (
    "body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#111}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px;"
    "vertical-align:top;text-align:left}code{font-size:11px;word-break:break-all}"
    ".bad{color:#a00;font-weight:bold}.ok{color:#060;font-weight:bold}"
    ".warn{border:2px solid #a00;padding:8px}@media print{a{color:#000}}"
)


_CSP = (
    "<meta http-equiv=Content-Security-Policy "
    "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
)


def _link(url: str) -> str:
    if url.startswith(("https://", "http://", "mailto:")):
        return f'<a href="{escape(url)}">{escape(url)}</a>'
    return escape(url)


def render_html(
    rows: Sequence[dict[str, Any]],
    verification: Verification,
    platforms: Sequence[Platform],
    *,
    warn: bool,
    reviewed: str,
) -> str:
    state = "ok" if verification.ok else "bad"
    parts = [
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
        _CSP,
        f"<title>Evidence log</title><style>{_CSS}</style></head><body>",
        "<h1>Evidence log</h1>",
        f"<p class={state}>Verification: {escape(verification.message)}</p>",
        (
            f"<p>Signing key (Ed25519, public): <code>{escape(verification.public_key)}</code>. "
            "Times are UTC. Attachments are identified by SHA-256; it holds no images.</p>"
        ),
    ]
    if warn:
        parts.append(f"<p class=warn>{escape(MINOR_WARNING)}</p>")
    parts.append(
        "<table><tr><th>#</th><th>Time (UTC)</th><th>What</th><th>URL</th><th>Platform / "
        "handle</th><th>Case</th><th>Note</th><th>Attachments (SHA-256)</th></tr>"
    )
    for e in rows:
        what = "recorded" if e.get("type") == "add" else f"#{e.get('ref')} → {e.get('status')}"
        hashes = "<br>".join(
            f"<code>{escape(a['sha256'])}</code>" for a in e.get("attachments", [])
        )
        who = " / ".join(escape(str(e[k])) for k in ("platform", "handle") if e.get(k))
        parts.append(
            f"<tr><td>{e['seq']}</td><td>{escape(str(e['time']))}</td><td>{escape(what)}</td>"
            f"<td>{_link(str(e.get('url', '')))}</td><td>{who}</td>"
            f"<td>{escape(str(e.get('case_number', '')))}</td>"
            f"<td>{escape(str(e.get('note', '')))}</td><td>{hashes}</td></tr>"
        )
    parts.append("</table>")
    if platforms:
        parts.append(f"<h2>Where to report</h2><p>Table reviewed {escape(reviewed)}.</p><ul>")
        for p in platforms:
            sources = ", ".join(_link(s) for s in p.sources)
            parts.append(
                f"<li><b>{escape(p.name)}</b>: {_link(p.report)}<br>{escape(p.how)}"
                f"<br><small>Sources: {sources}</small></li>"
            )
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "\n".join(parts)
