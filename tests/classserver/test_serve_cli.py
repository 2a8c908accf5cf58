"""`privaudit class serve` as a real process: what it prints, what Ctrl-C leaves behind."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.classserver.conftest import share_doc

pytestmark = pytest.mark.slow

# A runner that ignores SIGINT (nohup, some CI shells) would pass that on: give the
# server default dispositions, then exec privaudit in the same process.
RESET_SIGNALS_AND_EXEC = (
    "import os, signal, sys\n"
    "for s in (signal.SIGINT, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'privaudit', *sys.argv[1:]])"
)
SHARE_LINE = re.compile(r"privaudit audit --share-to (http://\S+) --code (\S+)")


@dataclass
class Served:
    proc: subprocess.Popen[str]
    url: str
    code: str
    banner: list[str]

    def stop(self) -> tuple[int, str, str]:
        """Ctrl-C, then the rest of the output (read from the same buffered streams the
        banner was read from: communicate() would skip what they hold already)."""
        self.proc.send_signal(signal.SIGINT)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        with self.proc.stdout, self.proc.stderr:
            out, err = self.proc.stdout.read(), self.proc.stderr.read()
        return self.proc.wait(timeout=30), out, err


def start(*args: str, cwd: Path) -> Served:
    proc = subprocess.Popen(
        [sys.executable, "-c", RESET_SIGNALS_AND_EXEC, "class", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    banner: list[str] = []
    deadline = time.monotonic() + 60
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"class serve ended: {proc.communicate()[1]}")
        banner.append(line.rstrip("\n"))
        found = SHARE_LINE.search(line)
        if found:
            return Served(proc, found.group(1), found.group(2), banner)
    proc.kill()
    raise AssertionError("class serve printed no share command")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[list[Served]]:
    started: list[Served] = []
    yield started
    for s in started:
        if s.proc.poll() is None:
            s.proc.kill()
        s.proc.communicate()


def test_serve_prints_code_url_and_qr_then_saves_results_on_ctrl_c(
    tmp_path: Path, served: list[Served]
) -> None:
    folder = tmp_path / "class"
    s = start("--bind", "127.0.0.1", "--port", "0", "--save", str(folder), cwd=tmp_path)
    served.append(s)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", s.url)
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}", s.code)
    assert f"Join code: {s.code}" in s.banner[0]
    headers = {"Privaudit-Join-Code": s.code}
    for n in (1, 2):
        response = httpx.post(s.url + "share", json=share_doc(n), headers=headers)
        assert response.status_code == 201
    assert httpx.post(s.url + "share", json=share_doc(1), headers=headers).status_code == 409
    page = httpx.get(s.url)
    assert page.status_code == 200
    code, out, err = s.stop()
    assert code == 0, err
    lines = [*s.banner, *out.splitlines()]
    qr = [line for line in lines if set(line) <= set("█▀▄ ") and len(line) > 20]
    assert len(qr) >= 10  # the QR code, drawn in text
    assert "\x1b" not in "\n".join(lines)  # not a terminal: no escape sequences
    assert "Class server stopped. 2 results are saved in" in out
    assert f"privaudit class summary {folder}/*.json" in out
    assert err.count("A first result arrived.") == 2
    assert "127.0.0.1" not in err  # no client address in the log
    saved = sorted(folder.iterdir())
    assert [p.name for p in saved] == ["learner-01-before.json", "learner-02-before.json"]
    assert [json.loads(p.read_text("utf-8")) for p in saved] == [share_doc(1), share_doc(2)]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in saved)
    # what was saved is what `class summary` reads
    summary = subprocess.run(
        [sys.executable, "-m", "privaudit", "class", "summary", *map(str, saved), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert summary.returncode == 0, summary.stderr
    assert json.loads(summary.stdout)["learners"] == 2


def test_serve_speaks_spanish_and_warns_on_every_interface(
    tmp_path: Path, served: list[Served]
) -> None:
    s = start("--bind", "0.0.0.0", "--port", "0", "--lang", "es", cwd=tmp_path)
    served.append(s)
    assert not s.url.startswith("http://0.0.0.0")  # the URL learners can actually use
    code, out, err = s.stop()
    assert code == 0
    assert "Advertencia" in err
    assert "Código para unirse" in s.banner[0]
    assert "No se compartió ningún resultado" in out
    assert not list(tmp_path.glob("privaudit-class-*"))  # nothing shared, no folder


def test_a_port_in_use_is_one_line_and_exit_2(tmp_path: Path, served: list[Served]) -> None:
    s = start("--bind", "127.0.0.1", "--port", "0", cwd=tmp_path)
    served.append(s)
    port = s.url.rsplit(":", 1)[1].strip("/")
    second = subprocess.run(
        [
            sys.executable,
            "-m",
            "privaudit",
            "class",
            "serve",
            "--bind",
            "127.0.0.1",
            "--port",
            port,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"privaudit: error: port {port} is in use: choose another one with --port"
    )
    bad = subprocess.run(
        [sys.executable, "-m", "privaudit", "class", "serve", "--bind", "classroom.local"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert bad.returncode == 2
    assert len(bad.stderr.strip().splitlines()) == 1
    s.stop()
