"""`privaudit workshop` end to end, in a real pseudo-terminal (pexpect): practice
in English and in Spanish, quitting at step 3 and resuming there, and real mode
on an export, where a password typed at the hidden prompt is checked and never
shown, stored or sent (only its 5-character prefix reaches the breach server)."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

from privaudit.cli.env import Environment
from privaudit.cli.workshop_run import SessionRequest, demo_report, learner_report
from privaudit.i18n import use_language
from tests.conftest import CANARY_PASSWORD, assert_no_canary, files_under
from tests.i18n.english import english_lines
from tests.pwned.conftest import HibpServer, sha1
from tests.pwned.test_cli_breach import bitwarden_export
from tests.workshop.conftest import not_yet_translated

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def _spawn(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    environ = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "LANG": "C.UTF-8", **(env or {})}
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        environ.pop(var, None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "privaudit", "workshop", *args],
        env=environ,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )


class Transcript:
    """Everything the learner saw, prompt by prompt."""

    def __init__(self, child) -> None:  # type: ignore[no-untyped-def]
        self.child = child
        self.parts: list[str] = []

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)
        self.parts.append(self.child.before + text)

    def send(self, line: str) -> None:
        self.child.sendline(line)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.parts.append(self.child.before)
        self.child.close()
        return int(self.child.exitstatus)

    @property
    def text(self) -> str:
        return ANSI.sub("", "".join(self.parts)).replace("\r\n", "\n")


NEXT_EN = "[Enter] next   [b] back   [q] stop: "
NEXT_ES = "[Intro] seguir   [v] volver   [q] salir: "


def test_practice_in_english_quit_at_step_three_and_resume(isolated_home: Path) -> None:
    run = Transcript(_spawn("--practice"))
    run.expect("Practice mode: the data of Sam, a made-up person.")
    run.expect("Step 1 of 6: Why passwords fail")
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Step 2 of 6: Check one password")
    run.expect("sunshine1")
    run.expect("less than a second")
    run.expect("quilt-marsh-rocket-velvet-17")
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Step 3 of 6: Breaches")
    run.expect(NEXT_EN)
    run.send("q")
    run.expect("Stopped at step 3 of 6. Run the same command to go on.")
    assert run.finish() == 0
    assert "password to check" not in run.text, "practice never asks for a secret"

    again = Transcript(_spawn("--practice"))
    again.expect("Resume at step 3 of 6? [Y/n] ")
    again.send("")
    again.expect("Step 3 of 6: Breaches")
    again.expect("The demo password sunshine1 is in the breach list 451,320 times.")
    for n, title in ((4, "2-step login"), (5, "Privacy settings"), (6, "Your plan")):
        again.expect(NEXT_EN)
        again.send("")
        again.expect(f"Step {n} of 6: {title}")
    again.expect("Your plan, most useful first:")
    again.expect("  1. ")
    again.expect("Do this now: Do the first item on your plan today.")
    again.expect(NEXT_EN)
    again.send("")
    again.expect("Well done.")
    assert again.finish() == 0
    assert "Step 1 of 6" not in again.text
    assert not (isolated_home / "state" / "workshop-practice.json").exists()


def test_practice_in_spanish_leaves_no_english(isolated_home: Path) -> None:
    run = Transcript(_spawn("--practice", "--lang", "es"))
    run.expect("Modo práctica")
    run.expect("Paso 1 de 6: Por qué fallan las claves")
    for n in range(2, 7):
        run.expect(NEXT_ES)
        run.send("")
        run.expect(f"Paso {n} de 6")
    run.expect("Tu plan, lo más útil primero:")
    run.expect(NEXT_ES)
    run.send("")
    run.expect("Muy bien.")
    assert run.finish() == 0
    assert "451\u00a0320" in run.text
    env = Environment()
    with use_language("es"):
        left = not_yet_translated(english_lines(run.text, allowed=["Sam"]), demo_report(env))
    assert left == []


def test_real_mode_on_an_export_checks_one_hidden_password(
    tmp_path: Path, hibp_server: HibpServer, isolated_home: Path
) -> None:
    export = bitwarden_export(
        tmp_path / "bw.json", {"Mail": "P@ssw0rd", "Shop": "Summer2024!", "Bank": "hunter2"}
    )
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {"PRIVAUDIT_PWNED_API_URL": hibp_server.url, "TMPDIR": str(tmp)}
    run = Transcript(_spawn("--online", "--accounts", str(export), env=env))
    run.expect("Your own data stays on this computer.")
    run.expect("Step 1 of 6: Why passwords fail")
    run.expect("3 logins")
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Type a password to check (it stays hidden; Enter skips): ")
    run.send(CANARY_PASSWORD)
    run.expect("How strong: ")
    run.expect("Breach lists: not found.")
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Step 3 of 6: Breaches")
    run.expect("3 logins use a password from a breach: ")
    run.expect(NEXT_EN)
    run.send("q")
    run.expect("Stopped at step 3 of 6.")
    assert run.finish() == 0

    assert "Practice mode" not in run.text
    wire = "\n".join(r.text for r in hibp_server.requests)
    assert sha1(CANARY_PASSWORD)[:5] in wire.upper(), "the prefix was looked up"
    stored = [p.read_bytes() for p in files_under(isolated_home) + files_under(tmp)]
    assert json.loads((isolated_home / "state" / "workshop.json").read_text()) == {
        "version": 1,
        "step": 3,
    }
    suffix = sha1(CANARY_PASSWORD)[5:]
    assert_no_canary(
        run.text, wire, *stored, canaries=(CANARY_PASSWORD, suffix, sha1(CANARY_PASSWORD))
    )


def test_real_mode_with_nothing_to_look_at_says_how_to_start() -> None:
    run = Transcript(_spawn("--lang", "es"))
    assert run.finish() == 2
    assert "el taller no tiene datos tuyos que mirar" in run.text
    assert "--practice" in run.text and "Traceback" not in run.text


def test_real_mode_in_spanish_ends_with_the_anonymous_share_file(
    tmp_path: Path, hibp_server: HibpServer, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = bitwarden_export(
        tmp_path / "bw.json", {"Mail": "P@ssw0rd", "Shop": "Summer2024!", "Bank": "hunter2"}
    )
    keep = tmp_path / "notes.txt"
    keep.write_text("not a share file")
    share = tmp_path / "clase.json"
    env = {"PRIVAUDIT_PWNED_API_URL": hibp_server.url}
    run = Transcript(_spawn("--lang", "es", "--online", "--accounts", str(export), env=env))
    run.expect("Revisando tus datos, en esta computadora…")
    run.expect("Paso 1 de 6")
    run.expect(NEXT_ES)
    run.send("")
    run.expect("Escribe una clave para revisarla (no se ve; Intro para saltar): ")
    run.send(CANARY_PASSWORD)
    run.expect("Filtraciones: no aparece.")
    for n in range(3, 7):
        run.expect(NEXT_ES)
        run.send("")
        run.expect(f"Paso {n} de 6")
    run.expect("Cuando termines, borra el archivo exportado: tiene tus claves.")
    run.expect(NEXT_ES)
    run.send("")
    plan = tmp_path / "mi-plan.html"
    run.expect("Nombre del archivo de tu plan para imprimir, como plan.html (Intro para saltar): ")
    run.send(str(plan))
    run.expect("Nombre del archivo del resumen (Intro para saltar): ")
    run.send(str(keep))  # not a share file: refused, asked again
    run.expect("Nombre del archivo del resumen (Intro para saltar): ")
    run.send(str(share))
    run.expect("Muy bien.")
    assert run.finish() == 0

    assert keep.read_text() == "not a share file"
    page = plan.read_text(encoding="utf-8")
    assert 'lang="es"' in page and "user0" not in page
    doc = json.loads(share.read_text())
    assert doc["kind"] == "privaudit-share"
    blob = share.read_text()
    for name in ("Mail", "Shop", "Bank", "user0", "example", str(export)):
        assert name not in blob
    assert_no_canary(run.text, blob, page, *(p.read_bytes() for p in files_under(isolated_home)))
    # The plan's titles come from the core's catalog: the same audit, in-process.
    monkeypatch.setenv("PRIVAUDIT_PWNED_API_URL", hibp_server.url)
    with use_language("es"):
        request = SessionRequest(exports=(str(export),), offline=False)
        mine = learner_report(Environment(), request)
        text = run.text.replace(str(tmp_path), "DIR")
        assert not_yet_translated(english_lines(text), mine) == []
    # At 100 columns every line is wrapped between words, the end's offer too.
    too_long = [line for line in text.splitlines() if len(line) > 100]
    assert too_long == []


def test_the_end_is_wrapped_between_words_at_100_columns(tmp_path: Path) -> None:
    export = bitwarden_export(tmp_path / "bw.json", {"Mail": "P@ssw0rd"})
    run = Transcript(_spawn("--accounts", str(export)))
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Type a password to check (it stays hidden; Enter skips): ")
    run.send("")
    for _step in range(5):
        run.expect(NEXT_EN)
        run.send("")
    run.expect("File name for your plan to print, e.g. plan.html (Enter skips): ")
    run.send("")
    run.expect("File name for the summary (Enter skips): ")
    run.send("")
    run.expect("Well done.")
    assert run.finish() == 0
    text = run.text.replace(str(tmp_path), "DIR")
    assert "It has no names, sites or passwords." in text.replace("\n", " ")
    assert [line for line in text.splitlines() if len(line) > 100] == []


def test_practice_takes_no_share_file(tmp_path: Path) -> None:
    run = Transcript(_spawn("--practice", "--share", str(tmp_path / "s.json")))
    assert run.finish() == 2
    assert "--practice uses only the bundled fake data" in run.text
    assert not (tmp_path / "s.json").exists()


def test_ctrl_c_stops_with_130_and_the_place_is_kept() -> None:
    run = Transcript(_spawn("--practice"))
    run.expect(NEXT_EN)
    run.send("")
    run.expect("Step 2 of 6")
    run.expect(NEXT_EN)
    run.child.sendintr()
    run.expect("interrupted")
    assert run.finish() == 130
    assert "Traceback" not in run.text

    again = Transcript(_spawn("--practice"))
    again.expect("Resume at step 2 of 6? [Y/n] ")
    again.send("n")
    again.expect("Step 1 of 6")
    again.expect(NEXT_EN)
    again.send("q")
    assert again.finish() == 0
