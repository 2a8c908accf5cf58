"""The README and docs list what the code accepts: every import format, every profile key."""

from __future__ import annotations

import json
import re
from pathlib import Path

from privaudit.config import _ACCOUNT_KEYS, IGNORE_KEYS, SECTIONS

ROOT = Path(__file__).resolve().parents[2]


def _readme_export_formats() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("| from | how to export | format |", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    return {name for row in rows for name in re.findall(r"`([a-z0-9-]+)`", row.rsplit("|", 2)[1])}


def test_the_readme_export_table_lists_every_format_sources_list_shows(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("sources", "list", "--format", "json")
    assert result.code == 0
    shown = {row["name"] for row in json.loads(result.out) if row["origin"] == "built-in"}
    assert shown == _readme_export_formats()


def test_configuration_md_documents_every_key_the_config_accepts() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for section, keys in SECTIONS.items():
        block = text.split(f"<!-- settings:{section} -->", 1)[1].split("<!-- /settings -->")[0]
        for key in keys:
            assert f"| `{key}` |" in block, f"[{section}] {key}"
    profile = text.split("## `[[accounts]]`", 1)[1].split("\n## ", 1)[0]
    for key in _ACCOUNT_KEYS:
        assert (
            re.search(rf"^{key} = ", profile, re.M)
            or f"`{key}`" in profile
            or (f"or {key} = " in profile)
        ), f"[[accounts]] {key}"
    ignore = text.split("## `[[ignore]]`", 1)[1].split("\n## ", 1)[0]
    for key in IGNORE_KEYS:
        assert re.search(rf"^{key} = ", ignore, re.M), f"[[ignore]] {key}"
    assert "<!-- settings:pwned -->" in text
