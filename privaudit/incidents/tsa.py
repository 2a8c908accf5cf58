"""RFC 3161 timestamps: a third party's signed statement that an entry existed
at a time. Only the entry's SHA-256 is sent; the response is kept as DER and
verifies with `openssl ts -verify -digest HEX -in N.tsr -CAfile TSA.pem`."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from asn1crypto import cms, core, tsp

from privaudit.errors import ServiceUnavailableError
from privaudit.i18n import _

if TYPE_CHECKING:
    import httpx


class _Response(core.Sequence):  # type: ignore[misc]
    """TimeStampResp with the token optional, as RFC 3161 has it (absent on refusal)."""

    _fields = [  # noqa: RUF012  # asn1crypto's declaration style
        ("status", tsp.PKIStatusInfo),
        ("time_stamp_token", cms.ContentInfo, {"optional": True}),
    ]


def request_der(digest_hex: str, nonce: int) -> bytes:
    req = tsp.TimeStampReq(
        {
            "version": 1,
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": bytes.fromhex(digest_hex),
            },
            "nonce": nonce,
            "cert_req": True,
        }
    )
    return bytes(req.dump())


def check_response(der: bytes, digest_hex: str, nonce: int) -> None:
    """Status granted, and the token is about this digest and this request."""
    try:
        resp = _Response.load(der)
        status = resp["status"]["status"].native
        if status not in ("granted", "granted_with_mods"):
            detail = resp["status"]["status_string"].native or []
            said = f" ({'; '.join(str(d) for d in detail)})" if detail else ""
            raise ServiceUnavailableError(  # noqa: TRY301  # re-raised as is below
                _(
                    "the timestamp authority refused the request: {status}{said}; nothing was added"
                ).format(status=status, said=said)
            )
        info = resp["time_stamp_token"]["content"]["encap_content_info"]["content"].parsed
        imprint = info["message_imprint"]["hashed_message"].native
        answered_nonce = info["nonce"].native
    except ServiceUnavailableError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ServiceUnavailableError(
            _("the timestamp authority's answer is not an RFC 3161 response")
        ) from None
    if imprint != bytes.fromhex(digest_hex) or answered_nonce != nonce:
        raise ServiceUnavailableError(_("the timestamp authority answered for another request"))


def timestamper(client: httpx.Client, url: str) -> Callable[[str], bytes]:
    import httpx  # noqa: PLC0415

    def stamp(digest_hex: str) -> bytes:
        nonce = secrets.randbits(63)
        try:
            reply = client.post(
                url,
                content=request_der(digest_hex, nonce),
                headers={"Content-Type": "application/timestamp-query"},
            )
            reply.raise_for_status()
        except httpx.HTTPError as exc:
            raise ServiceUnavailableError(
                _(
                    "could not get a timestamp from {url} ({error}); nothing was"
                    " added: try again later, or leave out --timestamp"
                ).format(url=url, error=type(exc).__name__)
            ) from None
        check_response(reply.content, digest_hex, nonce)
        return reply.content

    return stamp
