"""Platform privacy checklists: data files (*.toml here), their loader and validator.

Many settings that decide who sees a person's life cannot be read by a tool;
privaudit asks about them. Each platform is one TOML file in this folder
(format: docs/checklist-format.md); adding a platform means adding a file.
"""

from __future__ import annotations

from privaudit.checklists.loader import (
    ChecklistError,
    all_checklists,
    builtin_checklists,
    load_dir,
    validate_file,
)
from privaudit.checklists.model import (
    FORMAT_VERSION,
    Answer,
    AnswerBook,
    Checklist,
    Freshness,
    Item,
    LocalText,
    Recorded,
    freshness,
)

__all__ = [
    "FORMAT_VERSION",
    "Answer",
    "AnswerBook",
    "Checklist",
    "ChecklistError",
    "Freshness",
    "Item",
    "LocalText",
    "Recorded",
    "all_checklists",
    "builtin_checklists",
    "freshness",
    "load_dir",
    "validate_file",
]
