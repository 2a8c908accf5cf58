"""KeePass and KeePassXC: KDBX 3/4 databases, KeePass 2 XML and KeePassXC CSV."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.etree import ElementTree as ET

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.data import decode_head, decode_text
from privaudit.sources.fields import (
    MALFORMED,
    TRASHED,
    make_login,
    parse_date,
    password_set_from_history,
)
from privaudit.sources.kdbx_header import KdfBounds, check_kdf, read_kdf
from privaudit.sources.keepass_fields import (
    Entry,
    MissingReference,
    References,
    in_recycle_bin,
    otp_seed,
    uuid_hex,
    xml_time,
)

# KDBX 2.x-4.x files start with these two little-endian signatures (KDBX 1 is not supported).
KDBX_MAGIC = bytes.fromhex("03d9a29a67fb4bb5")
PASSKEY_ATTRIBUTE = "KPEX_PASSKEY_"
"""KeePassXC keeps a passkey in entry attributes named KPEX_PASSKEY_*."""
_XML_HINT = N_("export again from KeePass (File > Export > KeePass XML (2.x))")


class KeePassKdbx:
    name = "keepass-kdbx"
    description = "KeePass / KeePassXC database (.kdbx, KDBX 3 or 4), read directly"
    plaintext = False

    def detect(self, sample: bytes, filename: str) -> bool:
        return sample.startswith(KDBX_MAGIC)

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        data = source.read_all()
        if not data.startswith(KDBX_MAGIC):
            raise InputError(_("{name}: not a KeePass 2 database (.kdbx)").format(name=source.name))
        # Before any password is asked for or any key derived (see kdbx_header).
        bounds = KdfBounds().scaled(options.kdbx_kdf_limit)
        check_kdf(read_kdf(data, source.name), bounds, source.name)
        keyfile = options.kdbx_keyfile
        attempt = 1
        while True:
            password = options.kdbx_password() if options.kdbx_password else None
            if password is None and keyfile is None:
                raise InputError(
                    _(
                        "{name} is a KeePass database: give its password with"
                        " --kdbx-password-stdin (or run in a terminal to be asked), or"
                        " --kdbx-keyfile"
                    ).format(name=source.name)
                )
            secret = password.reveal() if password is not None else None
            try:
                database = _open_kdbx(data, source.name, secret, keyfile)
            except WrongCredentials:
                if password is None or attempt >= options.kdbx_attempts:
                    raise
                attempt += 1  # a typo at the prompt: the prompt asks again
                continue
            return _read_database(database, source.name)


class WrongCredentials(InputError):
    """The database would not open with this password/key file (asked again at a prompt)."""


def _open_kdbx(data: bytes, name: str, password: str | None, keyfile: Any) -> Any:
    from pykeepass import PyKeePass  # noqa: PLC0415
    from pykeepass.exceptions import CredentialsError  # noqa: PLC0415

    if keyfile is not None:
        try:
            keyfile = io.BytesIO(keyfile.read_bytes())
        except OSError:
            raise InputError(
                _("cannot read the key file {keyfile}; check --kdbx-keyfile").format(
                    keyfile=keyfile
                )
            ) from None
    try:
        return PyKeePass(io.BytesIO(data), password=password, keyfile=keyfile)
    except CredentialsError:
        raise WrongCredentials(
            _("{name}: wrong password or key file for this KeePass database; try again").format(
                name=name
            )
        ) from None
    except Exception:  # noqa: BLE001  # pykeepass/construct raise many types on damaged files
        raise InputError(
            _(
                "{name}: cannot open this KeePass database (damaged, or a KDBX"
                " version privaudit does not read); open and save it in"
                " KeePassXC, then try again"
            ).format(name=name)
        ) from None


@dataclass(frozen=True, slots=True)
class _Item:
    """One entry as read, before references are resolved."""

    entry: Entry
    trashed: bool
    created: Any = None
    modified: Any = None
    expires: Any = None
    """The expiry time when the entry is set to expire, else None."""
    password_changed: Any = None
    """When the current password was set, from the entry's history; None: unknown."""


BROKEN_REFERENCE = N_("field reference to a missing entry")
CSV_REFERENCE = N_("field reference (read the .kdbx or XML export to resolve it)")


def logins(items: list[_Item], name: str) -> ImportResult:
    """Accounts from a database's entries, every `{REF:…}` resolved first."""
    references = References([item.entry for item in items])
    result = ImportResult()
    for number, item in enumerate(items, start=1):
        result.read += 1
        if item.trashed:
            result.skip(TRASHED)
            continue
        try:
            fields = references.fields(item.entry)
        except MissingReference as exc:
            result.skip(BROKEN_REFERENCE, f"entry {number}: a field {exc}")
            continue
        outcome = make_login(
            source=name,
            title=fields.get("Title", "").strip(),
            urls=[fields.get("URL", "")],
            username=fields.get("UserName", "").strip(),
            password=fields.get("Password", ""),
            totp=otp_seed(fields),
            created=item.created,
            modified=item.modified,
            expires=item.expires,
            password_changed=item.password_changed,
            passkey=any(k.startswith(PASSKEY_ATTRIBUTE) for k in fields),
        )
        if isinstance(outcome, Account):
            result.accounts.append(outcome)
        else:
            result.skip(outcome)
    return result


def _read_database(database: Any, name: str) -> ImportResult:
    try:
        bin_group = database.recyclebin_group
        entries = list(database.entries)
    except Exception:  # noqa: BLE001  # a damaged inner XML fails inside pykeepass/lxml
        raise InputError(
            _(
                "{name}: the KeePass database opened but its contents are"
                " damaged; open and save it in KeePassXC, then try again"
            ).format(name=name)
        ) from None
    items: list[_Item] = []
    damaged: list[int] = []
    for number, entry in enumerate(entries, start=1):
        try:
            items.append(_kdbx_item(entry, bin_group))
        except Exception:  # noqa: BLE001  # one damaged entry is a note, not a failed import
            damaged.append(number)
    result = logins(items, name)
    for number in damaged:
        result.read += 1
        result.skip(MALFORMED, f"entry {number}: damaged fields")
    return result


def _kdbx_item(entry: Any, bin_group: Any) -> _Item:
    fields = {str(k): str(v) for k, v in (entry.custom_properties or {}).items() if v}
    fields.update(
        Title=entry.title or "",
        UserName=entry.username or "",
        Password=entry.password or "",
        URL=entry.url or "",
        Notes=entry.notes or "",
    )
    if entry.otp:
        fields["otp"] = entry.otp
    expires = _safe(lambda: entry.expiry_time) if _safe(lambda: entry.expires) else None
    return _Item(
        Entry(uuid_hex(entry.uuid.bytes), fields),
        trashed=bin_group is not None and _inside(entry.group, bin_group),
        created=_safe(lambda: entry.ctime),
        modified=_safe(lambda: entry.mtime),
        expires=expires,
        password_changed=_safe(lambda: _kdbx_password_changed(entry)),
    )


def _kdbx_password_changed(entry: Any) -> datetime | None:
    history = [(h.mtime, h.password or "") for h in entry.history]
    versions = [*history, (entry.mtime, entry.password or "")]
    return password_set_from_history(versions, entry.password or "")


def _safe(read: Callable[[], Any]) -> Any:
    """A date pykeepass may fail to decode: a bad one is no date, not a lost entry."""
    try:
        return read()
    except Exception:  # noqa: BLE001
        return None


def _inside(group: Any, ancestor: Any) -> bool:
    while group is not None:
        if group.uuid == ancestor.uuid:
            return True
        group = group.parentgroup
    return False


class KeePassXml:
    name = "keepass-xml"
    description = "KeePass 2 XML export (unencrypted)"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        head = decode_head(sample[:4096]).lstrip()
        return head.startswith("<") and "<KeePassFile" in head

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        text = decode_text(source.read_all(), source.name)
        # KeePass never writes a DTD; refusing one rules out entity-expansion bombs.
        if "<!DOCTYPE" in text or "<!ENTITY" in text:
            raise InputError(
                _("{name}: XML with a DTD is not a KeePass export; {xml_hint}").format(
                    name=source.name, xml_hint=_(_XML_HINT)
                )
            )
        try:
            root = ET.fromstring(text.lstrip("\ufeff"))  # noqa: S314  # DTDs refused above
        except ET.ParseError as exc:
            line, column = exc.position
            raise InputError(
                _("{name}: invalid XML at line {line} column {column}; {xml_hint}").format(
                    name=source.name, line=line, column=column, xml_hint=_(_XML_HINT)
                )
            ) from None
        if root.tag != "KeePassFile" or root.find("Root") is None:
            raise InputError(
                _("{name}: no <Root> element; {xml_hint}").format(
                    name=source.name, xml_hint=_(_XML_HINT)
                )
            )
        bin_uuid = (root.findtext("Meta/RecycleBinUUID") or "").strip()
        items = [
            _xml_item(entry, trashed)
            for entry, trashed in _entries(root.find("Root"), bin_uuid, in_bin=False)
        ]
        return logins(items, source.name)


def _entries(
    root: ET.Element | None, bin_uuid: str, *, in_bin: bool
) -> Iterator[tuple[ET.Element, bool]]:
    """Current entries (not their <History>), with whether each is in the recycle bin.

    Walked with a stack, not recursion: a file nested 5,000 groups deep is legal XML.
    """
    if root is None:
        return
    stack: list[tuple[Iterator[ET.Element], bool]] = [(iter(root), in_bin)]
    while stack:
        children, inside_bin = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
        elif child.tag == "Entry":
            yield child, inside_bin
        elif child.tag == "Group":
            uuid = (child.findtext("UUID") or "").strip()
            stack.append((iter(child), inside_bin or (bool(bin_uuid) and uuid == bin_uuid)))


def _xml_item(entry: ET.Element, trashed: bool) -> _Item:
    strings: dict[str, str] = {}
    for item in entry.findall("String"):
        key = (item.findtext("Key") or "").strip()
        if key and key not in strings:
            strings[key] = item.findtext("Value") or ""
    expires = None
    if (entry.findtext("Times/Expires") or "").strip().casefold() == "true":
        expires = xml_time(entry.findtext("Times/ExpiryTime"))
    return _Item(
        Entry(uuid_hex(entry.findtext("UUID")), strings),
        trashed=trashed,
        created=xml_time(entry.findtext("Times/CreationTime")),
        modified=xml_time(entry.findtext("Times/LastModificationTime")),
        expires=expires,
        password_changed=_xml_password_changed(entry, strings.get("Password", "")),
    )


def _xml_password_changed(entry: ET.Element, current: str) -> datetime | None:
    """From the entry's <History>: when the current password was first saved."""
    versions: list[tuple[datetime | None, str]] = []
    for old in entry.findall("History/Entry"):
        password = next(
            (
                s.findtext("Value") or ""
                for s in old.findall("String")
                if (s.findtext("Key") or "").strip() == "Password"
            ),
            "",
        )
        versions.append((xml_time(old.findtext("Times/LastModificationTime")), password))
    versions.append((xml_time(entry.findtext("Times/LastModificationTime")), current))
    return password_set_from_history(versions, current)


class KeePassXcCsv(CsvImporter):
    name = "keepassxc-csv"
    description = "KeePassXC CSV export"
    signature = (frozenset({"group", "title", "username", "password", "url", "notes"}),)
    required = ("title", "username", "password")
    hint = N_("export again from KeePassXC (Database > Export > CSV File)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        if in_recycle_bin(row.get("group")):
            return TRASHED
        if "{REF:" in (row.secret("password") + row.get("username")).upper():
            # A CSV export has no entry UUIDs to resolve a reference with.
            return CSV_REFERENCE
        return make_login(
            source=source,
            title=row.get("title"),
            urls=[row.get("url")],
            username=row.get("username"),
            password=row.secret("password"),
            totp=row.secret("totp"),
            created=parse_date(row.get("created")),
            modified=parse_date(row.get("last modified")),
        )
