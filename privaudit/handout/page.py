"""The HTML page both handouts print from: self-contained, A4 and Letter alike.

No external resource of any kind (fonts, images, scripts): a CSP of
default-src 'none' with inline styles only. Tick boxes are drawn by CSS, so
they print on any printer and survive "print background graphics" being off.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from privaudit.handout.links import safe_href, short_text
from privaudit.i18n import current_language

CSP = Markup("default-src 'none'; style-src 'unsafe-inline'; img-src data:")

CSS = Markup(
    """
:root { --ink: #111; --muted: #555; --line: #bbb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.35;
  font: 16px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 1.2rem 0 .3rem; border-bottom: 2px solid var(--ink); }
p { margin: .2rem 0; }
.lead { color: var(--muted); }
ol.ticks { list-style: none; margin: .4rem 0; padding: 0; }
ol.ticks > li { display: flex; gap: .6rem; padding: .35rem 0; border-bottom: 1px solid var(--line);
  break-inside: avoid; page-break-inside: avoid; }
.box { flex: none; width: 1.05rem; height: 1.05rem; margin-top: .15rem;
  border: 2px solid var(--ink); border-radius: 2px; }
.q { font-weight: 600; }
.how, .meta { font-size: .9rem; }
.meta { color: var(--muted); }
a { color: inherit; overflow-wrap: anywhere; }
footer { margin-top: 1rem; color: var(--muted); font-size: .8rem; }
@page { size: auto; margin: 11mm 12mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.28; }
  main { max-width: none; padding: 0; }
  h2 { margin-top: 0; break-after: avoid; page-break-after: avoid; }
  /* At most one platform a page, and a platform kept on one page where it fits. */
  section.sheet { break-inside: avoid; page-break-inside: avoid; }
  section.sheet + section.sheet { break-before: page; page-break-before: always; }
  .how, .meta { font-size: 8.5pt; }
  ol.ticks > li { padding: .22rem 0; }
}
"""
)


def link(url: str | None) -> Markup:
    """An anchor whose text is short and whose href is whole; plain text if not http(s)."""
    href = safe_href(url)
    if href is None:
        return escape(url or "")
    return Markup('<a href="{href}">{text}</a>').format(href=href, text=short_text(href))


def page(title: str, body: Markup) -> str:
    lang = escape(current_language())
    return str(
        Markup(
            "<!DOCTYPE html>\n"
            '<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            "<title>{title}</title>\n<style>{css}</style>\n</head>\n"
            "<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
        ).format(lang=lang, csp=CSP, title=title, css=CSS, body=body)
    )
