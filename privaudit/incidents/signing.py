"""Ed25519 signature of the log head, with a key made on first use.

The key stays in the data folder (0600): it proves the log was not changed
behind privaudit's back by anything that lacks the key; it cannot prove
anything against someone who holds the machine (the RFC 3161 timestamps,
made by a third party, can). docs/leak-response.md says so.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from privaudit.errors import InputError
from privaudit.i18n import _
from privaudit.store.atomic import write_atomic

DOMAIN = b"privaudit-incident-log-v1"


def head_message(seq: int, head: str) -> bytes:
    return b"\n".join([DOMAIN, str(seq).encode(), head.encode()])


def load_or_create(path: Path) -> Ed25519PrivateKey:
    if path.exists():
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (ValueError, TypeError, OSError):
            raise InputError(
                _(
                    "cannot read the evidence log's signing key {path}; restore it from a backup"
                ).format(path=path)
            ) from None
        if not isinstance(key, Ed25519PrivateKey):
            raise InputError(
                _("{path} is not an Ed25519 key; restore it from a backup").format(path=path)
            )
        return key
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    write_atomic(path, pem)
    return key


def public_hex(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def key_fingerprint(public: str) -> str:
    return hashlib.sha256(bytes.fromhex(public)).hexdigest()[:16]


def sign(key: Ed25519PrivateKey, seq: int, head: str) -> str:
    return base64.b64encode(key.sign(head_message(seq, head))).decode("ascii")


def verify(public: str, seq: int, head: str, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(
            base64.b64decode(signature, validate=True), head_message(seq, head)
        )
    except (InvalidSignature, ValueError):
        return False
    return True
