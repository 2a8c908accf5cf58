"""docs/scheduling.md: the cron line, the systemd units and the GitHub workflow are
parsed and linted as far as this machine allows."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

DOC = Path(__file__).resolve().parents[2] / "docs" / "scheduling.md"
CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))


def block(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {name} -->\n```[a-z]*\n(.*?)```\n<!-- /{name} -->", text, re.S)
    assert found, f"docs/scheduling.md has no {name} block"
    return found.group(1)


def _cron_field(text: str, lo: int, hi: int) -> None:
    for part in text.split(","):
        base, _, step = part.partition("/")
        assert not step or step.isdigit(), f"bad cron step {part!r}"
        if base == "*":
            continue
        first, _, last = base.partition("-")
        for number in (first, last or first):
            assert number.isdigit(), f"cron field {part!r}"
            assert lo <= int(number) <= hi, f"cron field {part!r}"


def check_cron_schedule(schedule: str) -> None:
    fields = schedule.split()
    assert len(fields) == 5, f"a cron schedule has 5 fields: {schedule!r}"
    for text, (lo, hi) in zip(fields, CRON_RANGES, strict=True):
        _cron_field(text, lo, hi)


def test_check_cron_schedule_rejects_nonsense() -> None:
    for bad in ("61 * * * *", "* * * *", "* 24 * * *", "a * * * *"):
        with pytest.raises(AssertionError):
            check_cron_schedule(bad)


def test_cron_line_parses_and_uses_the_scheduled_options() -> None:
    lines = [ln for ln in block("cron").splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == 1
    fields = lines[0].split(None, 5)
    check_cron_schedule(" ".join(fields[:5]))
    command = fields[5]
    assert "%" not in command.replace("\\%", ""), "cron turns a bare % into a newline"
    # The command is quoted by its full path: cron's PATH has no venv in it.
    for option in ('privaudit" audit', "--no-input", "--format json", "--output", "--fail-under"):
        assert option in command


README = DOC.parents[1] / "README.md"


def install_lines() -> tuple[str, str]:
    """The checkout folder the recipes use and the doc's install line."""
    clone, install = block("install").strip().splitlines()
    checkout = re.search(r'&& cd "(\$HOME/[^"]+)"$', clone)
    assert checkout, f"the install block must clone into and cd to a $HOME folder: {clone!r}"
    return checkout.group(1), install


def installed_exe() -> str:
    """Where the README's install puts the command, relative to the checkout."""
    readme = README.read_text(encoding="utf-8")
    demo = re.search(r"<!-- demo-command -->\n```sh\n(.*?)\n```", readme, re.S)
    assert demo
    venv = re.match(r"python3 -m venv (\S+) ", demo.group(1))
    assert venv
    return f"{venv.group(1)}/bin/privaudit"


def test_install_line_is_the_readmes() -> None:
    readme = README.read_text(encoding="utf-8")
    demo = re.search(r"<!-- demo-command -->\n```sh\n(.*?)\n```", readme, re.S)
    assert demo
    _, install = install_lines()
    assert demo.group(1) == f"{install} && privaudit demo"


def test_recipes_call_the_installed_command_by_its_full_path() -> None:
    checkout, _ = install_lines()
    exe = f"{checkout}/{installed_exe()}"
    assert f'"{exe}" audit' in block("cron")
    service = block("systemd-service")
    assert f"ExecStart={exe.replace('$HOME', '%h')} audit" in service
    assert "ExecStartPre=/bin/mkdir -p %h/privaudit" in service
    assert 'mkdir -p "$HOME/privaudit" && ' in block("cron")


def _units(tmp_path: Path) -> tuple[Path, Path]:
    # The checkout's venv does not exist here; verify checks ExecStart is executable.
    checkout, _ = install_lines()
    documented = f"{checkout}/{installed_exe()}".replace("$HOME", "%h")
    exe = str(Path(sys.executable).with_name("privaudit"))
    service = tmp_path / "privaudit-audit.service"
    text = block("systemd-service")
    assert documented in text
    service.write_text(text.replace(documented, exe))
    timer = tmp_path / "privaudit-audit.timer"
    timer.write_text(block("systemd-timer"))
    return service, timer


def test_systemd_units_parse(tmp_path: Path) -> None:
    service, timer = _units(tmp_path)
    for path, sections in ((service, {"Unit", "Service"}), (timer, {"Unit", "Timer", "Install"})):
        parser = configparser.ConfigParser(strict=True, interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        parser.read_string(path.read_text())
        assert set(parser.sections()) == sections
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(service.read_text())
    assert parser["Service"]["Type"] == "oneshot"
    exec_start = parser["Service"]["ExecStart"]
    assert "--fail-under" in exec_start
    assert "--format json" in exec_start


def _verify(*units: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *map(str, units)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed; the units were only parsed")
    service, timer = _units(tmp_path)
    result = _verify(service, timer)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr
    # ...and the linter does catch a broken unit on this machine.
    broken = tmp_path / "broken.timer"
    broken.write_text(block("systemd-timer").replace("OnCalendar=Mon", "OnCalendar=Someday"))
    bad = _verify(broken)
    assert bad.returncode != 0 or bad.stderr.strip(), "systemd-analyze missed a broken unit"


def test_github_workflow_parses_and_runs_the_audit() -> None:
    workflow = yaml.safe_load(block("github-actions"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads `on` as true
    for entry in triggers["schedule"]:
        check_cron_schedule(entry["cron"])
    steps = workflow["jobs"]["audit"]["steps"]
    runs = "\n".join(step.get("run", "") for step in steps)
    for option in ("privaudit audit", "--no-input", "--format json", "--fail-under"):
        assert option in runs
    assert "privaudit history" in runs
    assert "privaudit report render" in runs
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["repository"] == "privaudit/privaudit"
    source = checkout["with"]["path"]
    installs = [s["run"] for s in steps if "pip install" in s.get("run", "")]
    # privaudit is on no package index: the workflow installs the checkout it made.
    assert installs == [f"pip install ./{source}"]
    assert steps.index(checkout) < next(i for i, s in enumerate(steps) if "pip" in s.get("run", ""))
    for step in steps:
        assert "uses" in step or "run" in step
        assert "password" not in step.get("run", "").lower(), "no secrets in a command line"
