"""`audit --share-to URL --code CODE`: wiring of privaudit.classserver.client.

Checked before the audit runs (a wrong code format exits 2 with nothing done);
--offline does not refuse it: offline means no lookups on the internet, and the
class server is on the room's network at the address the trainer gave. Sent after
the report is written, through one httpx client built here, at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from privaudit.classserver.client import (
    TIMEOUT_SECONDS,
    Delivery,
    check_code,
    send_share,
    share_url,
)
from privaudit.classserver.messages import share_needs
from privaudit.errors import UsageError
from privaudit.pipeline.request import AuditRequest
from privaudit.settings import AuditSettings


@dataclass(frozen=True)
class ShareTarget:
    url: str
    code: str


def share_target(request: AuditRequest, audit: AuditSettings) -> ShareTarget | None:
    if request.share_to is None:
        return None  # a --code alone belongs to --share FILE (privaudit.classroom)
    if request.code is None:
        raise UsageError(share_needs())
    return ShareTarget(share_url(request.share_to), check_code(request.code))


def deliver(target: ShareTarget, body: bytes) -> Delivery:
    import httpx  # noqa: PLC0415  # only runs that share pay for httpx here

    # The class server is on the room's own network: a proxy from the environment
    # would send the document elsewhere, or nowhere.
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False, trust_env=False) as client:
        return send_share(client, target.url, target.code, body)
