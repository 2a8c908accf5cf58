"""The share document: what a learner gives a class, built from a Report by one function.

It is made from an allow-list, never by removing fields from a Report: only
built-in checks' ids, statuses, scores and grades, counts in buckets and the
UTC day go in, so no label, username, URL, service name, note or password of
the audit can reach it, and nothing a plugin adds either. The schema
(share-schema.json) refuses any other field, so a receiver can check that too.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from functools import cache
from importlib.resources import files
from typing import Any, Final

from privaudit.classroom import DOMAIN
from privaudit.errors import InputError
from privaudit.model import Report, Status

_ = DOMAIN.gettext

KIND: Final = "privaudit-share"
SHARE_VERSION: Final = "1.0"
MAX_SHARE_BYTES: Final = 64 * 1024
"""Far above any real document (about 3 KB with every built-in check)."""
BUCKETS: Final = ("0", "1", "2", "3", "4", "5-9", "10+")
AREAS: Final = ("passwords", "breaches", "2fa", "privacy-settings")
PLATFORM_CATEGORY: Final = "platform"
"""One checklist per service (CL110 Google, CL114 Instagram, ...): their ids would say which
services a learner has accounts on, and a sum of their counts would be no count of one
check (nor within its bucket), so they stay out of "checks". The platform category's
score and the privacy-settings coverage, both summed over every platform, say enough."""


def bucket(count: int) -> str:
    """A count as it may be shared: exact from 0 to 4, then "5-9" or "10+"."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    if count <= 4:
        return str(count)
    return "5-9" if count <= 9 else "10+"


def percent_floor(checked: int, total: int) -> int | None:
    """checked/total as a percentage rounded down to a multiple of 10 (None: nothing to check)."""
    if total <= 0:
        return None
    return min(100, 100 * max(0, checked) // total // 10 * 10)


@cache
def builtin_metas() -> dict[str, str]:
    """Built-in check id -> category: only these may appear in a share document."""
    from privaudit.registry import builtin_checks  # noqa: PLC0415  # loads every check

    return {c.meta.id: c.meta.category for c in builtin_checks()}


def build_share(
    report: Report, *, learner: str | None = None, round_: int | None = None
) -> dict[str, Any]:
    """The share document of `report`; `learner`/`round_` from `learner.token_for` (optional)."""
    builtin = builtin_metas()
    counts: dict[str, dict[Status, int]] = {}
    for finding in report.findings:
        if finding.check_id in builtin:
            if builtin[finding.check_id] == PLATFORM_CATEGORY:
                continue
            per = counts.setdefault(finding.check_id, dict.fromkeys(Status, 0))
            per[finding.status] += 1
    categories = set(builtin.values())
    score = report.score
    doc: dict[str, Any] = {
        "kind": KIND,
        "schema_version": SHARE_VERSION,
        "day": utc_day(report.started_at),
        "demo": bool(report.demo),
        "score": _score(score.value),
        "grade": _grade(score.grade),
        "accounts": bucket(report.inputs.accounts),
        "coverage": {
            c.area: percent_floor(c.checked, c.total) for c in score.coverage if c.area in AREAS
        },
        "categories": {
            c.category: {"score": _score(c.value), "grade": _grade(c.grade)}
            for c in score.categories
            if c.category in categories
        },
        "checks": {
            check_id: {s.value: bucket(n) for s, n in per.items() if n}
            for check_id, per in sorted(counts.items())
        },
    }
    if learner is not None:
        doc["learner"] = learner
    if round_ is not None:
        doc["round"] = max(1, min(999, round_))
    validate_share(doc)  # what we write must be what a receiver accepts
    return doc


def utc_day(moment: datetime) -> str:
    """The UTC day of `moment` (a naive time is taken as UTC, as reports store it)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.date().isoformat()


def _score(value: int | None) -> int | None:
    return None if value is None else max(0, min(100, int(value)))


def _grade(grade: str | None) -> str | None:
    return grade if grade in ("A", "B", "C", "D", "F") else None


def dumps(doc: dict[str, Any]) -> bytes:
    """The bytes of a share document: sorted keys and ASCII, so equal documents are equal bytes."""
    return (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode("ascii")


@cache
def share_schema() -> dict[str, Any]:
    text = files("privaudit.classroom").joinpath("share-schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with each local `$ref` replaced by its definition (none is recursive).

    Equivalent for validation, and about four times faster to check against: jsonschema
    resolves a `$ref` on every use (tests/classroom/test_share.py holds them equal).
    """
    if isinstance(node, list):
        return [inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: inline_refs(value, defs) for key, value in node.items() if key != "$defs"}
    ref = out.pop("$ref", None)
    if ref is None:
        return out
    return {**inline_refs(defs[ref.removeprefix("#/$defs/")], defs), **out}


@cache
def _validator() -> Any:
    import jsonschema  # noqa: PLC0415

    schema = share_schema()
    return jsonschema.Draft202012Validator(inline_refs(schema, schema["$defs"]))


class ShareError(InputError):
    """A file or submission is not a valid share document (exit code 2)."""


def validate_share(doc: object) -> dict[str, Any]:
    """`doc` if it is a valid share document; ShareError saying where it is wrong otherwise.

    The message says in plain words what is wrong and where (a JSON path, or a field
    the schema names), never a value or an unknown key: a bad document may hold anything.
    """
    import jsonschema  # noqa: PLC0415

    error = jsonschema.exceptions.best_match(_validator().iter_errors(doc))
    if error is not None:
        raise ShareError(
            _("not a privaudit share document ({problem})").format(problem=_schema_problem(error))
        )
    if not isinstance(doc, dict):  # the schema says "object": for mypy
        raise ShareError(_("not a privaudit share document (not a JSON object)"))
    try:
        date.fromisoformat(doc["day"])
    except ValueError:
        raise ShareError(_("not a privaudit share document (at .day: no such date)")) from None
    return doc


def _schema_problem(error: Any) -> str:
    """A schema error as a person reads it (the rule's name, such as "required", is jargon)."""
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    where = path.removeprefix(".") or _("the file")
    if error.validator == "required" and isinstance(error.instance, dict):
        missing = [k for k in error.validator_value if k not in error.instance]
        if missing:  # names from the schema, never from the document
            field = f"{where}.{missing[0]}" if path else missing[0]
            return _("the file lacks the {field} field").format(field=field)
    if error.validator in ("additionalProperties", "propertyNames", "maxProperties"):
        return _("{where} has a field privaudit does not write").format(where=where)
    if error.validator == "type" and error.validator_value == "object":
        return _("{where} is not a group of fields").format(where=where)
    return _("{where} holds a value privaudit does not write").format(where=where)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ShareError(_("not a privaudit share document (a key appears twice)"))
        out[key] = value
    return out


def _no_constant(_name: str) -> None:
    raise ShareError(_("not a privaudit share document (NaN or Infinity is not JSON)"))


def parse_share(data: bytes) -> dict[str, Any]:
    """Parse and validate the bytes of a share document (a file, an HTTP body)."""
    if len(data) > MAX_SHARE_BYTES:
        raise ShareError(
            _("not a privaudit share document (larger than {limit} KB)").format(
                limit=MAX_SHARE_BYTES // 1024
            )
        )
    try:
        doc = json.loads(
            data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constant
        )
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ShareError(_("not a privaudit share document (not JSON)")) from None
    return validate_share(doc)
