"""The score chart: an inline SVG bar chart drawn from the band counts.

Numbers and labels sit on the chart itself, so it reads on a projector and in
black-and-white print; a second series (before/after) is an outlined bar beside
a solid one, not a second colour. Styling comes from the page's style sheet
(classes only): no style attributes, which a strict CSP would block.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from privaudit.classroom.summary import Band

WIDTH, HEIGHT = 640, 300
TOP, BASE = 40, 230
LEFT, RIGHT = 20, 620


def bar_chart(
    series: Sequence[tuple[str, Sequence[Band]]], *, title: str, grade_label: str
) -> Markup:
    """`series`: (CSS class, bands) pairs drawn side by side; `grade_label` has a {grade} field."""
    bands = len(series[0][1])
    most = max((b.learners for _, s in series for b in s), default=0) or 1
    slot = (RIGHT - LEFT) / bands
    bar = min(90.0, slot * 0.7 / len(series))
    parts = [
        (
            f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img"'
            f' aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        ),
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{LEFT}" y1="{BASE}" x2="{RIGHT}" y2="{BASE}"/>',
    ]
    for i in range(bands):
        middle = LEFT + slot * (i + 0.5)
        start = middle - bar * len(series) / 2
        for j, (css, values) in enumerate(series):
            band = values[i]
            height = (BASE - TOP) * band.learners / most
            x = start + j * bar
            parts.append(
                f'<rect class="bar {escape(css)} grade-{escape(band.grade)}" x="{x + 3:.1f}"'
                f' y="{BASE - height:.1f}" width="{bar - 6:.1f}" height="{height:.1f}"/>'
            )
            parts.append(
                f'<text class="count" x="{x + bar / 2:.1f}" y="{BASE - height - 10:.1f}">'
                f"{band.learners}</text>"
            )
        first = series[0][1][i]
        parts.append(
            f'<text class="band" x="{middle:.1f}" y="{BASE + 30}">{escape(first.label)}</text>'
        )
        parts.append(
            f'<text class="grade" x="{middle:.1f}" y="{BASE + 58}">'
            f"{escape(grade_label.format(grade=first.grade))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  # numbers and escaped text only
