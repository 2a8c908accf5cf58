"""The join URL as a QR code made of text, two modules per character cell.

Light modules are drawn as blocks, as ``qrencode -t UTF8`` does, so the code
reads on the usual light-on-dark terminal; with colour allowed each line is
set explicitly white on black, so it reads on a light terminal too. Without
colour the output holds no escape sequence at all.
"""

from __future__ import annotations

import segno

_CELLS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
_WHITE_ON_BLACK = "\x1b[97;40m"
_RESET = "\x1b[0m"


def qr_lines(text: str, *, colour: bool = False, border: int = 4) -> list[str]:
    code = segno.make(text, error="m", micro=False)
    rows = [[not dark for dark in row] for row in code.matrix_iter(scale=1, border=border)]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    lines = [
        "".join(_CELLS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]
    return [f"{_WHITE_ON_BLACK}{line}{_RESET}" for line in lines] if colour else lines
