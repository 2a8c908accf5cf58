"""`privaudit handout`: checklists as a tick-box sheet, HTML to print or Markdown (issue 13.4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from privaudit.checklists.loader import builtin_checklists
from privaudit.handout.links import short_text
from privaudit.i18n import use_language
from tests.i18n.english import english_lines

GOOGLE = next(c for c in builtin_checklists() if c.id == "google")
BRANDS = [c.name.en for c in builtin_checklists()] + ["Google", "Apple", "Microsoft", "iCloud"]


def test_markdown_has_a_tick_box_per_item_and_short_links(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "google.md"
    result = cli("handout", "google", "x", "--format", "md", "--output", str(out))
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    x = next(c for c in builtin_checklists() if c.id == "x")
    assert text.count("\n- [ ] ") == len(GOOGLE.items) + len(x.items)
    assert f"## {GOOGLE.name.en}" in text
    link = next(i.link for i in GOOGLE.items if i.link)
    assert link is not None
    assert f"[{short_text(link)}](<{link}>)" in text  # short text, whole target
    assert not short_text(link).startswith("http")


def test_html_is_self_contained_with_short_link_text_and_whole_hrefs(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("handout", "--format", "html")  # every checklist, on stdout
    assert result.code == 0, result.err
    page = result.out
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"<(script|img|link|iframe|object)\b", page)
    assert not re.search(r"url\(|@import|src=", page)
    for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', page):
        assert href.startswith("https://"), href
        assert not text.startswith("http") and len(text) <= 42
    assert page.count('<section class="sheet">') == len(builtin_checklists())
    assert page.count('class="box"') == sum(len(c.items) for c in builtin_checklists())


def test_a_typo_suggests_the_platform_and_writes_nothing(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "h.html"
    result = cli("handout", "instgram", "--output", str(out))
    assert result.code == 2
    assert "did you mean 'instagram'" in result.err
    assert not out.exists()
    bad = cli("handout", "google", "--format", "pdf")
    assert bad.code == 2 and "html or md" in bad.err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_spanish_handout_has_no_english_left(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "es", "handout", "--format", fmt)
    assert result.code == 0, result.err
    text = result.out
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        text = re.sub(r"<[^>]+>", "\n", text)
    with use_language("es"):
        assert GOOGLE.items[0].question.get() in result.out  # the model's Spanish text
    assert "Lista de ajustes de privacidad" in text
    assert english_lines(text, allowed=BRANDS) == []


def test_markdown_escapes_checklist_text(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "club.toml").write_text(
        'format = 1\nid = "club"\nname = "Club [x](http://evil.example)"\ncheck_id = "ACME101"\n'
        'category = "platform"\nreviewed = 2026-11-01\n\n[[items]]\nid = "a"\n'
        'question = "Is <b>it</b> *on*?"\nwhy = "Because."\nfix = "Do it."\nseverity = "low"\n',
        encoding="utf-8",
    )
    result = cli("handout", "club", "--format", "md", "--checklist-dir", str(folder))
    assert result.code == 0, result.err
    assert "\\[x\\](http" in result.out and "<b>" not in result.out  # no link, no HTML
    html = cli("handout", "club", "--checklist-dir", str(folder)).out
    assert "<b>it</b>" not in html and "&lt;b&gt;" in html
