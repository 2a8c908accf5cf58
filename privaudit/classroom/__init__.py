"""Anonymous class results: share documents, the class summary and its renderers.

A learner's `privaudit audit --share FILE` writes a share document
(`share.py`): only a score, a grade, coverage and bucketed per-check counts for
one day, validated by `share-schema.json`. A trainer's `privaudit class
summary` aggregates them (`summary.py`) and renders the result (`html.py`,
`json.py`). Text is in the gettext domain ``classroom`` (docs/i18n.md).
"""

from __future__ import annotations

from privaudit.i18n import Domain

DOMAIN = Domain("classroom")
