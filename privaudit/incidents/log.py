"""The evidence log on disk: append-only JSONL, a signed head, an evidence folder.

    incidents/log.jsonl       one entry a line, hash-chained (chain.py)
    incidents/head.json       {seq, head, signature, public_key}: the signed last link
    incidents/signing-key.pem Ed25519, made on first use (0600)
    incidents/evidence/       attached files, named by their SHA-256 (0700)
    incidents/timestamps/     RFC 3161 tokens, N.tsr for entry N

Appending rewrites the whole log through store/atomic.py (0600, fsync, rename),
so a crash leaves the old log or the new one, never half an entry.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from privaudit.errors import InputError
from privaudit.i18n import _
from privaudit.incidents import chain, signing
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, write_atomic

STATUSES: Final = ("reported", "removed", "refused")
Timestamper = Callable[[str], bytes]  # SHA-256 hex of the new entry -> DER token


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    entries: int
    message: str
    first_bad: int | None = None
    public_key: str = ""


class IncidentLog:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "incidents"
        self.log = self.folder / "log.jsonl"
        self.head = self.folder / "head.json"
        self.key = self.folder / "signing-key.pem"
        self.evidence = self.folder / "evidence"
        self.timestamps = self.folder / "timestamps"

    def lines(self) -> list[bytes]:
        if not self.log.exists():
            return []
        return self.log.read_bytes().splitlines(keepends=True)

    def entries(self) -> list[dict[str, Any]]:
        entries, problem = chain.check(self.lines())
        if problem:
            raise InputError(
                _(
                    "the evidence log {log} is damaged at entry {seq}: run 'privaudit"
                    " incident verify' for details"
                ).format(log=self.log, seq=problem.seq)
            )
        return entries

    def append(
        self, fields: dict[str, Any], *, now: str, timestamper: Timestamper | None = None
    ) -> dict[str, Any]:
        """Add one entry; refuses to extend a log that does not verify."""
        state = self.verify()
        if not state.ok:
            raise InputError(
                _("refusing to add to a log that does not verify: {message}").format(
                    message=state.message
                )
            )
        lines = self.lines()
        previous = chain.line_hash(lines[-1]) if lines else chain.GENESIS
        entry = {**fields, "seq": len(lines) + 1, "time": now, "prev": previous}
        line = chain.encode(entry)
        token = timestamper(chain.line_hash(line)) if timestamper else None
        ensure_private_dir(self.folder.parent)
        ensure_private_dir(self.folder)
        key = signing.load_or_create(self.key)
        if token is not None:
            ensure_private_dir(self.timestamps)
            write_atomic(self.timestamps / f"{entry['seq']}.tsr", token)
        write_atomic(self.log, b"".join(lines) + line)
        head = chain.line_hash(line)
        doc = {
            "seq": entry["seq"],
            "head": head,
            "signature": signing.sign(key, entry["seq"], head),
            "public_key": signing.public_hex(key),
        }
        write_atomic(self.head, (json.dumps(doc, indent=1) + "\n").encode("utf-8"))
        return entry

    def attach(self, file: Path, *, keep_copy: bool) -> dict[str, Any]:
        """SHA-256 and size of an attached file; a copy in the evidence folder unless hash-only."""
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(
                _("cannot read attachment {file}: {reason}").format(
                    file=file, reason=exc.strerror or type(exc).__name__
                )
            ) from None
        digest = hashlib.sha256(data).hexdigest()
        if keep_copy:
            ensure_private_dir(self.folder.parent)
            ensure_private_dir(self.folder)
            ensure_private_dir(self.evidence)
            target = self.evidence / f"{digest}{file.suffix.lower()[:10]}"
            if not target.exists():
                write_atomic(target, data)
        return {"sha256": digest, "size": len(data), "kept": keep_copy}

    def verify(self) -> Verification:
        lines = self.lines()
        entries, problem = chain.check(lines)
        if problem:
            return Verification(
                False, len(lines), f"entry {problem.seq} {problem.reason}", problem.seq
            )
        if not lines:
            if self.head.exists():
                return Verification(False, 0, "the log is empty but its signed head is not", 1)
            return Verification(True, 0, "the evidence log is empty")
        try:
            head = json.loads(self.head.read_text(encoding="utf-8"))
            seq, digest = int(head["seq"]), str(head["head"])
            signature, public = str(head["signature"]), str(head["public_key"])
        except (OSError, ValueError, KeyError, TypeError):
            return Verification(False, len(lines), "the signed head is missing or unreadable", 1)
        if not signing.verify(public, seq, digest, signature):
            return Verification(False, len(lines), "the head's signature does not verify", seq)
        if self.key.exists() and signing.public_hex(signing.load_or_create(self.key)) != public:
            return Verification(False, len(lines), "the head was signed by another key", seq)
        if seq < len(lines):
            return Verification(
                False, len(lines), f"entry {seq + 1} was appended outside privaudit", seq + 1
            )
        if seq > len(lines):
            return Verification(
                False, len(lines), f"entry {len(lines) + 1} to {seq} were removed", len(lines) + 1
            )
        if chain.line_hash(lines[-1]) != digest:
            return Verification(False, len(lines), f"entry {seq} was edited", seq)
        return Verification(
            True, len(entries), f"all {len(entries)} entries verify", public_key=public
        )
