"""The bundled public suffix list, built once per process.

Building `publicsuffixlist.PublicSuffixList()` parses ~10,000 rules (~45 ms of
CPU); merging logins and matching 2FA data both need it, and it never changes
while privaudit runs (it is the package's own snapshot, never downloaded).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList


@functools.cache
def bundled_suffix_list() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList  # noqa: PLC0415  # heavy, only when needed

    return PublicSuffixList()
