"""What an export could be, when detection fails or the chosen format yields no login.

The user then needs three things in one line: what kind of file privaudit saw,
the formats of that kind it can read (to pass to --source-format), and --map
for a CSV of any other layout. Nothing read from the file is quoted: a CSV
without a header row would show a password.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from privaudit.i18n import _, ngettext
from privaudit.sources.data import decode_head, is_zip, sniff_header

MAP_HELP = "use --map url=COLUMN,username=COLUMN,password=COLUMN[,label=COLUMN,totp=COLUMN]"
KDBX_SIGNATURE = b"\x03\xd9\xa2\x9a"

# The kind of file a format name's last part means (built-ins follow the rule;
# a plugin whose name does not is offered for every kind).
_SUFFIX_KIND = {"json": "json", "csv": "csv", "xml": "xml", "kdbx": "kdbx", "1pux": "zip"}


def file_kind(head: bytes) -> str | None:
    """json, csv, xml, kdbx or zip, from the first bytes; None when none fits."""
    if head.startswith(KDBX_SIGNATURE):
        return "kdbx"
    if is_zip(head):
        return "zip"
    text = decode_head(head).lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        return "json"
    if text.startswith("<"):
        return "xml"
    if sniff_header(head) is not None:
        return "csv"
    return None


def format_kind(name: str) -> str | None:
    return _SUFFIX_KIND.get(name.rsplit("-", 1)[-1]) if "-" in name else None


def formats_of_kind(kind: str | None, names: Iterable[str], exclude: str = "") -> list[str]:
    """The format names a file of this kind could be (all of them when the kind is unknown)."""
    picked = []
    for name in names:
        if name in (exclude, "csv"):
            continue  # the generic CSV format is what --map selects
        own = format_kind(name)
        if kind is None or own is None or own == kind:
            picked.append(name)
    return picked


def _kind_label(kind: str | None) -> str:
    labels = {
        "json": _("a JSON file"),
        "csv": _("a CSV file"),
        "xml": _("an XML file"),
        "kdbx": _("a KeePass database"),
        "zip": _("a zip archive"),
    }
    return labels.get(kind or "", _("a file"))


def _could_be(kind: str | None, names: list[str]) -> str:
    if not names:
        return _("name its format with --source-format (privaudit sources list shows them)")
    return _(
        "it could be {formats}: name one with --source-format FORMAT"
        " (privaudit sources list describes them)"
    ).format(formats=", ".join(names))


def _map_hint(kind: str | None) -> str:
    if kind in ("kdbx", "zip"):
        return ""
    return "; " + _("for a CSV of another layout, {map_help}").format(map_help=MAP_HELP)


def unrecognised_message(name: str, head: bytes, formats: Iterable[str]) -> str:
    kind = file_kind(head)
    names = formats_of_kind(kind, formats)
    if kind == "csv":
        what = _("{name}: a CSV file whose columns match no export privaudit knows").format(
            name=name
        )
    else:
        what = _("{name}: {kind} that privaudit does not recognise as an export").format(
            name=name, kind=_kind_label(kind)
        )
    return f"{what}; {_could_be(kind, names)}{_map_hint(kind)}"


def _skipped_text(skipped: Mapping[str, int]) -> str:
    return ", ".join(f"{count} {reason}" for reason, count in sorted(skipped.items()))


def no_logins_message(
    name: str, fmt: str, read: int, skipped: Mapping[str, int], head: bytes, formats: Iterable[str]
) -> str:
    """Recognised (perhaps wrongly) as `fmt`, yet no login came out of it."""
    kind = file_kind(head) or format_kind(fmt)
    if read == 0 and kind == "csv":
        return _(
            "{name}: the file has only a header row, no entries; export again from your"
            " password manager"
        ).format(name=name)
    if read == 0:
        found = _("{name}: read as {fmt}, but no logins were found (it holds no entries)")
    else:
        found = ngettext(
            "{name}: read as {fmt}, but no logins were found ({read} item read: {skipped})",
            "{name}: read as {fmt}, but no logins were found ({read} items read: {skipped})",
            read,
        )
    what = found.format(name=name, fmt=fmt, read=read, skipped=_skipped_text(skipped) or "-")
    others = formats_of_kind(kind, formats, exclude=fmt)
    could_be = (
        _("if it is another export, {hint}").format(hint=_could_be(kind, others))
        if others
        else _could_be(kind, others)
    )
    return "{what}; {could_be}; {map_hint}".format(
        what=what,
        could_be=could_be,
        map_hint=_("for a CSV of any layout, {map_help}").format(map_help=MAP_HELP),
    )
