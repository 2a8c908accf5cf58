"""What a class server is told at start: the join code, the language, its limits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from privaudit.classserver.collection import Outcome
from privaudit.classserver.limits import Rate

MAX_BODY = 16 * 1024
POST_RATE = Rate(burst=5, per_seconds=12.0)
"""Five documents at once, then one every 12 s, per client address."""
PAGE_RATE = Rate(burst=30, per_seconds=1.0)
"""The page reloads every 10 s; 30 at once leaves room for many open tabs."""


@dataclass(frozen=True)
class ServerOptions:
    code: str
    lang: str = "en"
    max_body: int = MAX_BODY
    post_rate: Rate = POST_RATE
    page_rate: Rate = PAGE_RATE
    refresh_seconds: int = 10
    max_connections: int = 128
    """Open connections served at once; a whole room sending at the same moment fits."""
    timeout: float = 10.0
    """Seconds any one read or write may take before the connection is dropped."""


Accepted = Callable[[Outcome, int, int], None]
"""Told of each document kept: its outcome, learners so far, of whom "after"."""
