"""The shared Content-Security-Policy of privaudit's self-contained pages."""

from __future__ import annotations

from privaudit.csp import page_policy, style_hash


def test_the_style_hash_is_the_csp_source_for_exactly_that_sheet() -> None:
    # SHA-256 of the empty string, as CSP Level 3 spells a hash source.
    assert style_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert style_hash("a{}") != style_hash("a{ }")


def test_the_policy_loads_nothing_but_the_allowed_styles() -> None:
    assert page_policy("'nonce-abc'") == (
        "default-src 'none'; style-src 'nonce-abc'; base-uri 'none'; form-action 'none'"
    )
    served = page_policy("'none'", frame_ancestors=True)
    assert served.endswith("; frame-ancestors 'none'")
    assert "script-src" not in served and "unsafe-inline" not in served
