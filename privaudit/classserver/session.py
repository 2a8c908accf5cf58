"""One class session: a join code, a server on the chosen address, a folder of results."""

from __future__ import annotations

import errno
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from privaudit.classserver import codes, messages
from privaudit.classserver.address import default_bind, is_wildcard, url_host
from privaudit.classserver.collection import Collection
from privaudit.classserver.options import Accepted, ServerOptions
from privaudit.classserver.server import ClassServer
from privaudit.errors import UsageError
from privaudit.store.atomic import ensure_private_dir, write_atomic

DEFAULT_PORT = 8765


def default_folder(code: str, today: datetime | None = None) -> Path:
    day = (today or datetime.now(UTC)).date().isoformat()
    return Path(f"privaudit-class-{day}-{code}")


@dataclass
class ResultFolder:
    """Each accepted document written at once (atomic, 0600, in a 0700 folder), so
    a laptop that dies mid-class loses nothing; the folder is made on the first."""

    path: Path
    names: set[str] = field(default_factory=set)
    """The files written: a later "after" replaces its file, so this is what the folder holds."""

    @property
    def written(self) -> int:
        return len(self.names)

    def __call__(self, name: str, doc: Mapping[str, Any]) -> None:
        ensure_private_dir(self.path)
        data = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.path / name, data.encode("utf-8"))
        self.names.add(name)


@dataclass
class Session:
    server: ClassServer
    url: str
    folder: ResultFolder
    announce: list[str] = field(default_factory=list)
    """Warnings to show before the banner (every interface, or no network)."""


def open_session(
    *,
    bind: str | None,
    port: int,
    lang: str,
    folder: Path | None = None,
    on_accept: Accepted | None = None,
    code: str | None = None,
) -> Session:
    code = code or codes.new_code()
    address = bind or default_bind()
    announce = []
    if is_wildcard(address):
        announce.append(messages.everywhere(address))
    elif bind is None and address.startswith("127."):
        announce.append(messages.loopback())
    results = ResultFolder(folder or default_folder(code))
    collection = Collection(store=results)
    try:
        server = ClassServer(
            (address, port), ServerOptions(code=code, lang=lang), collection, on_accept
        )
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(messages.port_in_use(port)) from None
        if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT):
            raise UsageError(messages.not_here(address)) from None
        raise UsageError(messages.cannot_listen(address, port, exc.strerror or "")) from None
    shown = default_bind() if is_wildcard(address) else address
    url = f"http://{url_host(shown)}:{server.port}/"
    return Session(server, url, results, announce)
