"""Any other CSV, read through a column mapping: --map url=Website,username=Login,password=Pass."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.data import normalise
from privaudit.sources.fields import make_login
from privaudit.sources.guess import MAP_HELP

FIELDS = ("label", "url", "username", "password", "totp")


def parse_column_map(spec: str) -> dict[str, str]:
    """'url=Website,password=Pass' -> {'url': 'website', 'password': 'pass'} (normalised)."""
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, column = part.partition("=")
        key = key.strip().lower()
        if not sep or not column.strip():
            raise UsageError(
                _("--map: {part!r} is not FIELD=COLUMN; {map_help}").format(
                    part=part.strip(), map_help=MAP_HELP
                )
            )
        if key not in FIELDS:
            raise UsageError(
                _("--map: unknown field {key!r}; fields are {fields}").format(
                    key=key, fields=", ".join(FIELDS)
                )
            )
        if key in mapping:
            raise UsageError(
                _("--map: field {key!r} given twice; {map_help}").format(key=key, map_help=MAP_HELP)
            )
        mapping[key] = normalise(column)
    if "password" not in mapping:
        raise UsageError(
            _("--map: the password column is required; {map_help}").format(map_help=MAP_HELP)
        )
    return mapping


class GenericCsv(CsvImporter):
    name = "csv"
    description = "Any CSV, with the columns named by --map (never auto-detected)"

    def detect(self, sample: bytes, filename: str) -> bool:
        return False

    def columns(self, options: ReadOptions) -> tuple[str, ...]:
        if not options.column_map:
            raise UsageError(
                _("--source-format csv needs a column mapping; {map_help}").format(
                    map_help=MAP_HELP
                )
            )
        return tuple(options.column_map.values())

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        columns = options.column_map or {}

        def get(field: str) -> str:
            return row.get(columns[field]) if field in columns else ""

        return make_login(
            source=source,
            title=get("label"),
            urls=[get("url")],
            username=get("username"),
            password=row.secret(columns["password"]),
            totp=row.secret(columns["totp"]) if "totp" in columns else "",
        )
