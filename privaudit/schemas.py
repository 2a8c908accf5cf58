"""Files generated from the one description of each schema.

- docs/checklist-schema.json from privaudit/checklists/schema.py;
- the settings tables of docs/configuration.md from privaudit/settings.py;
- docs/report-schema.json from privaudit/report-schema.json (the copy the package
  ships to validate saved reports);
- docs/share-schema.json from privaudit/classroom/share-schema.json (share documents).

`python -m privaudit.schemas` rewrites them; tests/core/test_schemas.py fails
when a generated file is not current.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

from privaudit.checklists.schema import json_schema
from privaudit.config import ENV_PREFIX, SECTIONS
from privaudit.settings import SECTIONS as SETTINGS_SECTIONS

CHECKLIST_SCHEMA = "docs/checklist-schema.json"
CONFIGURATION = "docs/configuration.md"
_BLOCK = re.compile(r"(<!-- settings:(\w+) -->\n).*?(<!-- /settings -->)", re.DOTALL)


def checklist_schema(_current: str) -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def report_schema(_current: str) -> str:
    return files("privaudit").joinpath("report-schema.json").read_text(encoding="utf-8")


def share_schema(_current: str) -> str:
    return files("privaudit.classroom").joinpath("share-schema.json").read_text(encoding="utf-8")


def _default(spec: dataclasses.Field[object]) -> str:
    shown = spec.metadata.get("shown")
    if shown is not None:
        return str(shown)
    value = spec.default
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, tuple):
        return "`[]`"
    if isinstance(value, str):
        return f'`"{value}"`'
    return str(value)


def settings_table(section: str) -> str:
    rows = ["| key | default | value | meaning | environment |", "|---|---|---|---|---|"]
    for spec in dataclasses.fields(SETTINGS_SECTIONS[section]):
        env = spec.name if section == "audit" else f"{section}_{spec.name}"
        kind = SECTIONS[section][spec.name].kind
        split = " (comma-separated)" if isinstance(spec.default, tuple) else ""
        rows.append(
            f"| `{spec.name}` | {_default(spec)} | {kind} | {spec.metadata['doc']}"
            f" | `{ENV_PREFIX}{env.upper()}`{split} |"
        )
    return "\n".join(rows) + "\n"


def configuration(current: str) -> str:
    """docs/configuration.md with each `<!-- settings:NAME -->` block regenerated."""
    return _BLOCK.sub(lambda m: m[1] + settings_table(m[2]) + m[3], current)


GENERATED: dict[str, Callable[[str], str]] = {
    CHECKLIST_SCHEMA: checklist_schema,
    CONFIGURATION: configuration,
    "docs/report-schema.json": report_schema,
    "docs/share-schema.json": share_schema,
}


def stale(root: Path) -> list[str]:
    """The generated files under `root` that differ from what they are generated from."""
    out = []
    for name, generate in GENERATED.items():
        current = (root / name).read_text(encoding="utf-8")
        if generate(current) != current:
            out.append(name)
    return out


def write(root: Path) -> None:
    for name, generate in GENERATED.items():
        path = root / name
        path.write_text(generate(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path())
