"""A real class server on 127.0.0.1 (a free port), started and stopped by each test."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from privaudit.classserver.collection import Collection, Outcome
from privaudit.classserver.limits import Rate
from privaudit.classserver.options import ServerOptions
from privaudit.classserver.server import ClassServer
from privaudit.classserver.session import ResultFolder

CODE = "KMT3RX"


def share_doc(
    learner: int, *, round_: int = 1, score: int = 70, day: str = "2026-12-02"
) -> dict[str, Any]:
    """A valid share document (the shape `audit --share` writes) for learner number `learner`."""
    grade = (
        "A"
        if score >= 90
        else "B"
        if score >= 80
        else "C"
        if score >= 70
        else "D"
        if score >= 60
        else "F"
    )
    return {
        "kind": "privaudit-share",
        "schema_version": "1.0",
        "day": day,
        "demo": False,
        "learner": f"{learner:032x}",
        "round": round_,
        "score": score,
        "grade": grade,
        "accounts": "5-9",
        "coverage": {"passwords": 100, "breaches": 100, "2fa": 80},
        "categories": {"passwords": {"score": score, "grade": grade}},
        "checks": {"PW101": {"pass": "3", "fail": "2"}, "MFA201": {"warn": "1"}},
    }


@dataclass
class Running:
    server: ClassServer
    folder: Path
    accepted: list[tuple[Outcome, int, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}"

    def post(
        self, doc: Any, *, code: str | None = CODE, path: str = "/share", **kw: Any
    ) -> httpx.Response:
        import json

        headers = {"Content-Type": "application/json"}
        if code is not None:
            headers["Privaudit-Join-Code"] = code
        headers.update(kw.pop("headers", {}))
        body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
        return httpx.post(self.url + path, content=body, headers=headers, timeout=10, **kw)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Any]:
    running: list[Running] = []

    def start(**options: Any) -> Running:
        # Tests send many documents from one address; the rate-limit tests set their own.
        options.setdefault("post_rate", Rate(burst=100, per_seconds=1))
        folder = tmp_path / f"results-{len(running)}"
        run = Running(server=None, folder=folder)  # type: ignore[arg-type]
        server = ClassServer(
            ("127.0.0.1", 0),
            ServerOptions(code=CODE, **options),
            Collection(store=ResultFolder(folder)),
            on_accept=lambda *event: run.accepted.append(event),
        )
        run.server = server
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        running.append(run)
        return run

    yield start
    for run in running:
        run.server.shutdown()
        run.server.server_close()
