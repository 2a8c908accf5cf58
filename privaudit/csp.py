"""Content-Security-Policy for privaudit's self-contained HTML pages.

The report, the class summary and the live class page load nothing: their policy
is `default-src 'none'` plus the one source their inline style sheet needs (its
hash, or a server's nonce). Standard library only, so renderers and feature
packages can share it without importing each other.
"""

from __future__ import annotations

import base64
import hashlib


def style_hash(css: str) -> str:
    """The CSP source that allows exactly this inline style sheet: `'sha256-…'`."""
    digest = hashlib.sha256(css.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page_policy(style_src: str, *, frame_ancestors: bool = False) -> str:
    """The policy of a page that loads nothing and allows only `style_src` styles.

    `frame_ancestors` adds `frame-ancestors 'none'`, which browsers honour only
    in a response header (a served page), not in a <meta> tag.
    """
    policy = f"default-src 'none'; style-src {style_src}; base-uri 'none'; form-action 'none'"
    return policy + "; frame-ancestors 'none'" if frame_ancestors else policy
