"""Issue 13's anonymity proof: no share document can carry an account label, username,
URL, service name, note or password, an exact count above the bucket, or a time finer
than the day, whatever the input.

Two arguments, both over hypothesis-generated reports:
- non-interference: two reports that differ in every free text, every time within the
  day and every count within its bucket give byte-identical share documents;
- a scan: no input string, lower-cased or URL-encoded, is in the document's bytes
  unless it is in a document of the same shape made with no input text at all (such
  as "pass", a key of every document).
"""

from __future__ import annotations

import dataclasses
import json
import re
import urllib.parse

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from privaudit.classroom.share import build_share, dumps, share_schema, validate_share
from privaudit.model import Status
from tests.classroom.reports import BUILTIN, BUILTIN_CATEGORIES, Shape, realise, shapes

PLATFORM_IDS = sorted(i for i, m in BUILTIN.items() if m.category == "platform")
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def forms(text: str) -> set[str]:
    return {
        text,
        text.lower(),
        text.casefold(),
        urllib.parse.quote(text),
        urllib.parse.quote_plus(text),
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
    }


@SETTINGS
@given(st.data(), shapes)
def test_free_text_times_and_counts_in_a_bucket_change_nothing(
    data: st.DataObject, shape: Shape
) -> None:
    first = data.draw(realise(shape))
    second = data.draw(realise(shape))
    assert dumps(build_share(first.report)) == dumps(build_share(second.report))


@SETTINGS
@given(st.data(), shapes)
def test_no_input_string_reaches_the_document(data: st.DataObject, shape: Shape) -> None:
    realised = data.draw(realise(shape))
    blob = dumps(build_share(realised.report)).decode("ascii").lower()
    # The same shape with no input text at all: what is in it is structure, not input
    # (a label "pass" or "true" is in every document, as a key or a literal).
    baseline = dumps(build_share(data.draw(realise(shape, fixed="x")).report)).decode().lower()
    for text in realised.texts:
        for form in forms(text):
            if len(form) >= 3 and form.lower() not in baseline:
                assert form.lower() not in blob, form


@SETTINGS
@given(st.data(), shapes)
def test_counts_above_four_are_never_exact_and_the_day_is_the_finest_time(
    data: st.DataObject, shape: Shape
) -> None:
    doc = build_share(data.draw(realise(shape)).report)
    for per in doc["checks"].values():
        for value in per.values():
            assert value in ("0", "1", "2", "3", "4", "5-9", "10+")
    assert doc["accounts"] in ("0", "1", "2", "3", "4", "5-9", "10+")
    # A plugin's check never shows, nor a platform checklist (its id names a service).
    assert set(doc["checks"]) <= set(BUILTIN) - set(PLATFORM_IDS)
    assert shape.plugin.id not in json.dumps(doc)
    assert doc["day"] == shape.day.isoformat()
    assert not re.search(r"\d{1,2}:\d{2}|T\d{2}", dumps(doc).decode())


def _walk(schema: object, path: str = "") -> list[str]:
    """Paths of object schemas that are open to fields they do not name."""
    out = []
    if isinstance(schema, dict):
        if schema.get("type") == "object" or "properties" in schema:
            extra = schema.get("additionalProperties")
            if extra is not False and not (isinstance(extra, dict) and "propertyNames" in schema):
                out.append(path or "/")
        for key, value in schema.items():
            out += _walk(value, f"{path}/{key}")
    return out


def test_the_schema_is_closed_everywhere() -> None:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(share_schema())
    assert _walk(share_schema()) == []


def test_the_categories_are_the_built_in_ones() -> None:
    """A new built-in category needs a schema update (and a new schema version)."""
    names = share_schema()["properties"]["categories"]["propertyNames"]["enum"]
    assert names == BUILTIN_CATEGORIES


@pytest.mark.parametrize(
    ("where", "value"),
    [
        ("label", "GitHub (alice)"),
        ("username", "alice"),
        ("url", "https://example.org"),
        ("time", "2026-12-02T10:31:00Z"),
    ],
)
def test_the_schema_refuses_any_extra_field(where: str, value: str) -> None:
    from privaudit.classroom.share import ShareError
    from tests.samples import sample_report

    doc = build_share(sample_report())
    for part in (lambda d: d, lambda d: d["coverage"], lambda d: d["checks"]["PW101"]):
        bad = json.loads(json.dumps(doc))
        part(bad)[where] = value
        with pytest.raises(ShareError):
            validate_share(bad)
    for key in ("categories", "checks"):
        bad = json.loads(json.dumps(doc))
        bad[key][value] = {"score": 1, "grade": "A"} if key == "categories" else {"pass": "1"}
        with pytest.raises(ShareError):
            validate_share(bad)


@SETTINGS
@given(st.data(), shapes, st.lists(st.sampled_from(sorted(Status)), min_size=1, max_size=12))
def test_which_platforms_a_learner_has_changes_nothing(
    data: st.DataObject, shape: Shape, statuses: list[Status]
) -> None:
    """One checklist per service: its id would say "has an Instagram account"."""
    shape_ = Shape(
        shape.day,
        shape.demo,
        shape.accounts,
        {k: v for k, v in shape.counts.items() if k not in PLATFORM_IDS},
        shape.score,
        shape.plugin,
    )
    base = data.draw(realise(shape_, fixed="x")).report
    docs = []
    for _ in range(2):
        # The same answers, spread over a different set of platforms.
        platforms = data.draw(st.lists(st.sampled_from(PLATFORM_IDS), min_size=1, unique=True))
        findings = [
            BUILTIN[platforms[i % len(platforms)]].finding(status, "x", "x")
            for i, status in enumerate(statuses)
        ]
        report = dataclasses.replace(base, findings=(*base.findings, *findings))
        docs.append(dumps(build_share(report)))
    assert docs[0] == docs[1]
    assert not set(json.loads(docs[0])["checks"]) & set(PLATFORM_IDS)


def test_a_platform_checklist_id_is_refused() -> None:
    from privaudit.classroom.share import ShareError
    from tests.samples import sample_report

    bad = json.loads(json.dumps(build_share(sample_report())))
    bad["checks"]["CL114"] = {"skip": "1", "unanswered": "5-9"}
    with pytest.raises(ShareError):
        validate_share(bad)
