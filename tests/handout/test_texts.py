"""The handout's own words: plain (readability >= 60) in English and Spanish."""

from __future__ import annotations

import pytest

from privaudit.handout.texts import _
from privaudit.i18n import use_language
from tests.readability import hard_to_read

catalogs = pytest.importorskip("privaudit.i18n.catalogs")


def _sentences() -> list[str]:
    """Messages of the handout domain that are sentences (labels are not prose)."""
    ids = [m.id for m in catalogs.extract("handout") if m.id]
    texts = [i if isinstance(i, str) else i[1] for i in ids]
    # Error messages name options and formats: they are commands, not prose.
    return [t for t in texts if len(t.split()) >= 6 and not t.startswith("unknown")]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_handout_sentence_is_easy_to_read(lang: str) -> None:
    sentences = _sentences()
    assert len(sentences) >= 4
    with use_language(lang):
        texts = {s[:40]: _(s) for s in sentences}
    assert hard_to_read(texts, lang) == []
