"""`audit --share-to URL --code CODE`: send the share document to the class server.

The HTTP client is built by the caller and passed in. The document is the one
`--share FILE` writes, byte for byte; the only other thing sent is the join
code, in a header. Each answer becomes one line for the learner, in their own
language (the server's own message is in the trainer's).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from privaudit.classserver import codes
from privaudit.classserver.handler import CODE_HEADER, JSON_TYPE, SHARE_PATH
from privaudit.errors import UsageError
from privaudit.exitcodes import ExitCode
from privaudit.i18n import Domain

if TYPE_CHECKING:
    import httpx

_ = Domain("classserver").gettext

TIMEOUT_SECONDS = 10.0
ATTEMPTS = 2


@dataclass(frozen=True)
class Delivery:
    """What became of the document: the line to print and the exit code it implies."""

    message: str
    exit_code: ExitCode = ExitCode.OK

    @property
    def delivered(self) -> bool:
        return self.exit_code is ExitCode.OK


def share_url(url: str) -> str:
    """The class server's address as the trainer printed it (``http://HOST:PORT/``),
    or its /share path; plain http is expected, on the room's own network."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _(
                "--share-to needs the class server's address as your trainer shows it,"
                " such as http://192.168.1.20:8765/"
            )
        )
    path = parts.path.rstrip("/") or SHARE_PATH
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def check_code(text: str) -> str:
    code = codes.normalise(text)
    if code is None:
        raise UsageError(
            _(
                '--code "{code}" is not a join code: it has 6 letters and digits, such as {example}'
            ).format(code=text, example=codes.display("KMT3RX"))
        )
    return code


def send_share(client: httpx.Client, url: str, code: str, body: bytes) -> Delivery:
    """POST `body` (the bytes `--share FILE` writes); retried once if the network failed."""
    import httpx  # noqa: PLC0415

    headers = {"Content-Type": JSON_TYPE, CODE_HEADER: code, "User-Agent": "privaudit-share"}
    problem = ""
    for _attempt in range(ATTEMPTS):
        try:
            response = client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            problem = type(exc).__name__
            continue
        return answer(response.status_code, _error_of(response), response.headers)
    return Delivery(
        _(
            "Could not reach the class server at {url} ({problem}): check that you are on"
            " the class's network and that the address is the one your trainer shows."
        ).format(url=url, problem=problem),
        ExitCode.INCOMPLETE,
    )


def _error_of(response: httpx.Response) -> str:
    try:
        payload = response.json()
    except ValueError:
        return ""
    return str(payload.get("error", "")) if isinstance(payload, dict) else ""


def answer(status: int, error: str, headers: Mapping[str, str]) -> Delivery:
    """One line for each answer the server can give."""
    if status == 201:
        return Delivery(_("Your result reached the class. Thank you!"))
    if status == 409 and error == "duplicate":
        return Delivery(_("The class already has this result: nothing more to do."))
    if status == 409:
        return Delivery(
            _("The class already has a later result from this device, so this one was not added."),
            ExitCode.USAGE,
        )
    if status in (401, 403):
        return Delivery(
            _("The class server did not accept the join code: check it with your trainer."),
            ExitCode.USAGE,
        )
    if status in (429, 503):
        wait = headers.get("retry-after", "")
        wait_text = wait if wait.isdigit() else "60"
        return Delivery(
            _("The class server is busy: try again in {seconds} seconds.").format(
                seconds=wait_text
            ),
            ExitCode.INCOMPLETE,
        )
    return Delivery(
        _(
            "The class server refused the result (HTTP {status}): make sure your trainer"
            " and you run the same privaudit version."
        ).format(status=status),
        ExitCode.INCOMPLETE if status >= 500 else ExitCode.USAGE,
    )
