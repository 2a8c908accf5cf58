"""Merging logins and matching 2FA data share one public suffix list per process."""

from __future__ import annotations

from privaudit.merge import default_site_of
from privaudit.suffixes import bundled_suffix_list
from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.match import Matcher


def test_built_once_per_process() -> None:
    assert bundled_suffix_list() is bundled_suffix_list()


def test_merge_and_2fa_matching_use_it() -> None:
    assert default_site_of()("alice.up.railway.app") == bundled_suffix_list().privatesuffix(
        "alice.up.railway.app"
    )
    matcher = Matcher(load_builtin())
    assert matcher._psl is bundled_suffix_list()
