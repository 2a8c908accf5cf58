"""`json.dumps(value, indent=2, ensure_ascii=False)`, byte for byte, at C speed.

With `indent`, the standard library falls back to its pure-Python encoder (~1 s
for a 10,000-login report). Here the C encoder writes compact JSON, so Python
itself still formats every number and string, and msgspec's C formatter only
re-indents it: it copies every token as it is and changes whitespace alone.
Anything it cannot take (NaN, a lone surrogate) goes the standard way.

Memory: the value is dropped as soon as its compact text exists, and each copy
of the text as soon as the next one does, so a 50,000-login report never holds
its dict and two copies of its text at once.
"""

from __future__ import annotations

import json
from typing import Any


def dumps_indented(value: Any, *, end: str = "") -> str:
    """What `json.dumps(value, indent=2, ensure_ascii=False) + end` returns.

    Pass the value as a temporary (`dumps_indented(make_dict())`) to let it go early.
    """
    try:
        import msgspec  # noqa: PLC0415  # only the JSON renderers need it

        # allow_nan=False: NaN is not JSON, so msgspec could not re-indent it.
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (ImportError, ValueError):
        return json.dumps(value, indent=2, ensure_ascii=False) + end
    del value
    try:
        compact = text.encode("utf-8")
    except UnicodeError:
        # A lone surrogate: the standard way, from the text (JSON gives back equal values).
        return json.dumps(json.loads(text), indent=2, ensure_ascii=False) + end
    del text
    formatted = msgspec.json.format(compact, indent=2)
    del compact
    out = formatted.decode("utf-8")
    del formatted
    out += end  # in place: `out` holds the only reference
    return out
