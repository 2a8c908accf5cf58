"""Drive Debian's headless chromium over the DevTools protocol on a pipe (stdlib only).

`--remote-debugging-pipe` makes chromium read commands on fd 3 and answer on
fd 4, NUL-separated JSON: no port, no websocket library, nothing on the network.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--remote-debugging-pipe",
)


# dash only takes one-digit fds in redirections; bash takes any.
_SHELL = shutil.which("bash") or "/bin/sh"


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium(what: str) -> str:
    """The chromium to test with, or skip saying which page was not opened in a browser."""
    import pytest

    found = find_chromium()
    if found is None:
        pytest.skip(
            "chromium is not installed (Debian: apt-get install chromium; .ci/install-system-deps"
            f" does it in CI), so {what} was not opened in a browser"
        )
    return found


def _high(fd: int) -> int:
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


@dataclass
class PageLog:
    console: list[str] = field(default_factory=list)
    """Console errors/warnings, exceptions and browser log entries (CSP reports land here)."""
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for."""
    failed: list[str] = field(default_factory=list)
    """Requests that failed or were blocked, with the reason."""


class Browser:
    def __init__(self, executable: str, profile_dir: Path) -> None:
        cmd_r, self._cmd_w = os.pipe()
        self._resp_r, resp_w = os.pipe()
        # Lift the child's ends above 9 so the redirections below cannot clobber them.
        cmd_r, resp_w = _high(cmd_r), _high(resp_w)
        args = [executable, *FLAGS, f"--user-data-dir={profile_dir}", "about:blank"]
        # The shell puts our pipe ends at fds 3 and 4, where chromium expects them.
        self.proc = subprocess.Popen(
            [_SHELL, "-c", f'exec "$@" 3<&{cmd_r} 4>&{resp_w}', "sh", *args],
            pass_fds=(cmd_r, resp_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        os.close(cmd_r)
        os.close(resp_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def close(self) -> str:
        with contextlib.suppress(OSError, TimeoutError, RuntimeError):
            self.send("Browser.close", timeout=5)
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        for fd in (self._cmd_w, self._resp_r):
            with contextlib.suppress(OSError):
                os.close(fd)
        return err.decode("utf-8", "replace")

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._resp_r], [], [], left)
            if ready:
                chunk = os.read(self._resp_r, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float = 30,
    ) -> dict[str, Any]:
        self._next_id += 1
        msg: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self._events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self._events):
            self._events.append(self._read_message(deadline))

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while True:
            try:
                self._events.append(self._read_message(deadline))
            except TimeoutError:
                return

    def page_log(self) -> PageLog:
        log = PageLog()
        for event in self._events:
            method, p = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "warning"):
                log.console.append(json.dumps(p.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                log.console.append(json.dumps(p.get("exceptionDetails", {}).get("text")))
            elif method == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                log.console.append(p["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                log.requests.append(p["request"]["url"])
            elif method == "Network.loadingFailed":
                log.failed.append(f"{p.get('errorText')} {p.get('blockedReason', '')}".strip())
        return log


ALL_DOMAINS = ("Runtime", "Log", "Network", "Page")


def open_page(
    browser: Browser,
    url: str,
    *,
    domains: tuple[str, ...] = ALL_DOMAINS,
    metrics: dict[str, Any] | None = None,
    settle: float = 0.5,
) -> str:
    """Open `url` in a new tab and wait for its load event; the tab's session id.

    `metrics` sets the viewport before loading; `settle` seconds collect late
    console and network events into the page log.
    """
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    sid: str = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in domains:
        browser.send(f"{domain}.enable", session=sid)
    if metrics is not None:
        browser.send("Emulation.setDeviceMetricsOverride", metrics, session=sid)
    browser.send("Page.navigate", {"url": url}, session=sid)
    browser.wait_for("Page.loadEventFired")
    if settle:
        browser.drain(settle)
    return sid


def evaluate(browser: Browser, sid: str, expression: str) -> Any:
    """The JSON value of `expression` evaluated in the page."""
    result = browser.send(
        "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=sid
    )
    return result["result"]["value"]


def screenshot(browser: Browser, sid: str, path: Path) -> Path:
    """A PNG of the whole page, beyond the viewport, written to `path`."""
    data = browser.send(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=sid
    )["data"]
    path.write_bytes(base64.b64decode(data))
    return path


@dataclass
class PageCheck:
    log: PageLog
    screenshots: dict[str, Path]
    facts: dict[str, Any]


PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
# A4 at 96 dpi less the report's 12 mm side margins: the width tables must fit in print.
A4_PRINT_WIDTH = round((210 - 24) / 25.4 * 96)
LETTER_PRINT_WIDTH = round((215.9 - 24) / 25.4 * 96)

FITS = """(() => {
  const w = document.documentElement.clientWidth;
  const wide = [...document.querySelectorAll('table, svg, .check, section')]
    .filter(e => e.getBoundingClientRect().right > w + 1).length;
  return {fits: document.documentElement.scrollWidth <= w, wide: wide,
          title: document.title, tables: document.querySelectorAll('table').length,
          trend: document.querySelectorAll('svg.trend').length};
})()"""


def check_page(executable: str, html_file: Path, out_dir: Path) -> PageCheck:
    browser = Browser(executable, out_dir / "chromium-profile")
    try:
        sid = open_page(browser, html_file.resolve().as_uri())
        shots: dict[str, Path] = {}
        facts: dict[str, Any] = {}

        def shoot(name: str) -> None:
            shots[name] = screenshot(browser, sid, out_dir / f"report-{name}.png")

        def measure(name: str) -> None:
            facts[name] = evaluate(browser, sid, FITS)

        desktop = {"width": 1200, "height": 900, "deviceScaleFactor": 1, "mobile": False}
        browser.send("Emulation.setDeviceMetricsOverride", desktop, session=sid)
        measure("desktop")
        shoot("desktop")
        browser.send("Emulation.setDeviceMetricsOverride", PHONE, session=sid)
        measure("phone")
        shoot("phone")
        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session=sid)
        for name, width in (("a4", A4_PRINT_WIDTH), ("letter", LETTER_PRINT_WIDTH)):
            metrics = {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": False}
            browser.send("Emulation.setDeviceMetricsOverride", metrics, session=sid)
            measure(f"print-{name}")
        pdf = browser.send(
            "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69}, session=sid
        )["data"]
        (out_dir / "report-a4.pdf").write_bytes(base64.b64decode(pdf))
        browser.drain(0.2)
        return PageCheck(browser.page_log(), shots, facts)
    finally:
        browser.close()


PAPERS = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF that chromium wrote (its page objects are not compressed)."""
    return len(_PAGE.findall(pdf))


def print_pdfs(executable: str, html_file: Path, out_dir: Path) -> dict[str, bytes]:
    """The page printed to PDF on A4 and on Letter, the way a browser's Print does."""
    browser = Browser(executable, out_dir / "chromium-profile")
    try:
        sid = open_page(browser, html_file.resolve().as_uri(), domains=("Page",), settle=0)
        out = {}
        for name, (width, height) in PAPERS.items():
            data = browser.send(
                "Page.printToPDF",
                {"paperWidth": width, "paperHeight": height, "preferCSSPageSize": False},
                session=sid,
            )["data"]
            out[name] = base64.b64decode(data)
            (out_dir / f"print-{name}.pdf").write_bytes(out[name])
        return out
    finally:
        browser.close()


def pdf_page_texts(pdf: bytes) -> list[str]:
    """The text of each printed page, whitespace collapsed (pypdf: no poppler needed)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]
