"""docs/scheduling.md's install line and cron line, run exactly as written: the install in
a copy of this checkout, the cron line under cron's minimal environment."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.history.exports import STRONG, WEAK, write_export
from tests.scheduling.test_scheduling_docs import block, install_lines

REPO = Path(__file__).resolve().parents[2]
# What cron gives a job (Debian's cron and cronie alike): no login shell, no profile.
CRON_PATH = "/usr/bin:/bin"
SKIP_COPY = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.egg-info", "build", "dist", ".*_cache", "node_modules"
)

pytestmark = pytest.mark.slow


def _cron_env(home: Path) -> list[str]:
    return ["env", "-i", f"HOME={home}", f"PATH={CRON_PATH}", "SHELL=/bin/sh", "LOGNAME=cron"]


def _package_index_env() -> list[str]:
    """pip's own settings (index, proxy, certificates), which the fake home would hide."""
    keep = {k: v for k, v in os.environ.items() if k.startswith("PIP_") or k.endswith("_proxy")}
    keep.update({k: v for k, v in os.environ.items() if k.upper().endswith("_PROXY")})
    user_conf = Path.home() / ".config" / "pip" / "pip.conf"
    if "PIP_CONFIG_FILE" not in keep and user_conf.is_file():
        keep["PIP_CONFIG_FILE"] = str(user_conf)
    return [f"{k}={v}" for k, v in sorted(keep.items())]


@pytest.fixture(scope="module")
def cron_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose checkout was installed with the doc's own install line."""
    home = tmp_path_factory.mktemp("home")
    checkout, install = install_lines()
    source = home / checkout.removeprefix("$HOME/")
    shutil.copytree(REPO, source, ignore=SKIP_COPY)
    # The clone is the one step that needs the internet; the install line runs as written.
    env = [*_cron_env(home), *_package_index_env()]
    done = subprocess.run(
        [*env, "sh", "-c", install],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"the install line could not install here: {done.stderr[-500:]}")
    profile = home / ".config" / "privaudit" / "config.toml"
    profile.parent.mkdir(parents=True)
    # No passwords: nothing goes to the network, and --fail-under 70 cannot be met.
    profile.write_text('[[accounts]]\nservice = "Mail"\nmfa = ["passkey"]\n', encoding="utf-8")
    return home


def _cron_command() -> str:
    lines = [ln for ln in block("cron").splitlines() if ln.strip() and not ln.startswith("#")]
    return lines[0].split(None, 5)[5]


def _run_cron_line(home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_cron_env(home), "sh", "-c", _cron_command()],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cron_line_runs_under_crons_environment(cron_home: Path) -> None:
    assert not (cron_home / "privaudit").exists(), "the recipe must create its own folder"
    first = _run_cron_line(cron_home)
    # Profile-only: passwords were not checked, so --fail-under 70 is incomplete (3).
    assert first.returncode == 3, first.stderr
    assert first.stdout == "" and first.stderr == "", "cron would mail this"
    log = (cron_home / "privaudit" / "audit.log").read_text(encoding="utf-8")
    assert log.splitlines() == [
        line for line in log.splitlines() if line.startswith("privaudit: exit 3, ")
    ]
    assert len(log.splitlines()) == 1, log
    assert "passwords" in log
    report = json.loads((cron_home / "privaudit" / "report.json").read_text(encoding="utf-8"))
    assert report["score"]["grade"] is None
    # A second week appends to the log and compares with the first run.
    second = _run_cron_line(cron_home)
    assert second.returncode == 3, second.stderr
    assert len((cron_home / "privaudit" / "audit.log").read_text().splitlines()) == 2


def test_cron_line_fails_without_the_full_path(cron_home: Path) -> None:
    """The bug the full path fixes: cron's PATH has no privaudit."""
    bare = _cron_command().replace(f"{install_lines()[0]}/.venv/bin/privaudit", "privaudit")
    bare = bare.replace('"privaudit"', "privaudit")
    done = subprocess.run(
        [*_cron_env(cron_home), "sh", "-c", bare],
        cwd=cron_home,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 127


def _workflow_steps() -> tuple[dict[str, str], list[dict[str, Any]]]:
    workflow = yaml.safe_load(block("github-actions"))
    job = workflow["jobs"]["audit"]
    return job["env"], job["steps"]


def test_github_workflow_run_steps_work_as_written(cron_home: Path, tmp_path: Path) -> None:
    """The workflow's shell steps, in order, in a workspace, with the checkout installed."""
    job_env, steps = _workflow_steps()
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    venv_bin = cron_home / install_lines()[0].removeprefix("$HOME/") / ".venv" / "bin"
    corpus = tmp_path / "pwned.txt"  # a breach corpus, so no lookup leaves the machine
    corpus.write_text(hashlib.sha1(WEAK.encode()).hexdigest().upper() + ":31337\n", "ascii")
    export = write_export(tmp_path / "vault.json", {"Gmail": WEAK, "GitHub": STRONG})
    env = {
        "HOME": str(cron_home),
        "PATH": f"{venv_bin}:{CRON_PATH}",
        "PRIVAUDIT_PWNED_OFFLINE_CORPUS": str(corpus),
        "VAULT_EXPORT": export.read_text("utf-8"),
    }
    for key, value in job_env.items():
        env[key] = value.replace("${{ github.workspace }}", str(workspace))
    codes = {}
    for step in steps:
        if "run" not in step or "pip install" in step["run"]:
            continue  # `uses:` steps are GitHub's; the install ran in the fixture
        assert "${{" not in step["run"], "expressions belong in env:, not in the script"
        done = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        codes[step.get("name", step["run"][:20])] = (done.returncode, done.stderr)
    assert codes["Audit"][0] == 1, codes  # the weak, breached Gmail password: score < 70
    assert codes["JUnit report for the dashboard"][0] == 0, codes
    assert codes["Score history"][0] == 0, codes
    report = json.loads((workspace / "report.json").read_text("utf-8"))
    assert report["inputs"]["sources"][0]["used"] == 2
    assert (workspace / "privaudit-junit.xml").read_text("utf-8").startswith("<?xml")
    # The history lands where the cache step keeps it between runs.
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert (workspace / cache["with"]["path"] / "history.sqlite3").is_file()
