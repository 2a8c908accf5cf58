"""Built-in and plugin checks: discovery, uniqueness, selection."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from privaudit.errors import UsageError
from privaudit.model import CheckMeta, Severity, Status
from privaudit.registry import Registry, RegistryError, builtin_checks, load_registry
from tests.conftest import run_privaudit

PLUGIN_MODULE = """
from privaudit.model import CheckMeta, Severity, Status


class ScreenLockCheck:
    meta = CheckMeta(
        id="ORG101",
        name="org-screen-lock",
        category="device",
        severity=Severity.MEDIUM,
        title="Company laptop screen lock",
        why="An unlocked laptop is an open door.",
        fix="Set the screen to lock after 5 minutes.",
    )

    def run(self, ctx):
        n = len(ctx.accounts)
        yield self.meta.finding(Status.PASS, "Company laptop", f"plugin ran with {n} accounts")


class BrokenAsync:
    meta = CheckMeta(
        id="ORG102",
        name="org-broken",
        category="device",
        severity=Severity.LOW,
        title="A plugin that crashes",
        why="w",
        fix="f",
    )

    async def run(self, ctx):
        raise KeyError("cAnArY-7f3b9e21-Pw!d0")
"""


def make_plugin_distribution(root: Path, *, extra_entry: str = "") -> Path:
    """A real installed distribution (dist-info + module) on a path of its own."""
    site = root / "site"
    (site / "orgchecks").mkdir(parents=True)
    (site / "orgchecks" / "__init__.py").write_text(PLUGIN_MODULE)
    info = site / "orgchecks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: orgchecks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        textwrap.dedent(
            f"""\
            [privaudit.checks.v1]
            screen-lock = orgchecks:ScreenLockCheck
            broken = orgchecks:BrokenAsync
            {extra_entry}
            """
        )
    )
    return site


def test_builtin_ids_and_names_are_unique() -> None:
    metas = [c.meta for c in builtin_checks()]
    assert len({m.id for m in metas}) == len(metas)
    assert len({m.name for m in metas}) == len(metas)


def test_duplicate_ids_are_rejected_naming_both_origins() -> None:
    first = builtin_checks()[0]

    class Clash:
        meta = CheckMeta(
            id=first.meta.id,
            name="other-name",
            category="x",
            severity=Severity.LOW,
            title="t",
            why="w",
            fix="f",
            origin="plugin (evil)",
        )

        def run(self, ctx):  # type: ignore[no-untyped-def]
            return []

    with pytest.raises(RegistryError, match=r"defined twice \(by built-in and plugin \(evil\)\)"):
        Registry((first, Clash()))


def test_select_and_skip_by_id_prefix_name_and_category() -> None:
    registry = load_registry(plugins=False)
    ids = lambda checks: [c.meta.id for c in checks]  # noqa: E731
    assert ids(registry.select(["PW"]))[:2] == ["PW101", "PW102"]
    assert all(i.startswith("PW") for i in ids(registry.select(["PW"])))
    assert "PW101" not in ids(registry.select(["PW10"], ["PW101"]))
    assert ids(registry.select(["weak-password"])) == ["PW101"]
    assert "MFA101" in ids(registry.select(["mfa"]))
    assert all(c.meta.category == "mfa" for c in registry.select(["mfa"]))
    assert "PW102" not in ids(registry.select([], ["reuse"]))
    assert ids(registry.select(["pw101"])) == ["PW101"]
    with pytest.raises(UsageError, match="--select 'nope' matches no check"):
        registry.select(["nope"])
    with pytest.raises(UsageError, match="--skip 'PW9' matches no check"):
        registry.select([], ["PW9"])


def test_plugin_is_discovered_listed_and_run(tmp_path: Path) -> None:
    site = make_plugin_distribution(tmp_path)
    env = {"PYTHONPATH": str(site)}
    listed = run_privaudit("checks", "list", "--format", "json", env=env)
    assert listed.code == 0, listed.err
    by_id = {c["id"]: c for c in json.loads(listed.out)}
    assert by_id["ORG101"]["origin"] == "plugin (orgchecks)"
    table = run_privaudit("checks", "list", env={**env, "COLUMNS": "100"})
    assert "ORG101" in table.out and "plugin (orgchecks)" in table.out

    audit = run_privaudit("audit", "--demo", "--format", "json", env=env)
    report = json.loads(audit.out)
    plugin = [f for f in report["findings"] if f["check_id"] == "ORG101"]
    assert plugin and plugin[0]["status"] == "pass"
    assert "plugin ran with 9 accounts" in plugin[0]["message"]
    # A crashing plugin is an ERROR result, the run goes on, and the exit code says so.
    broken = [f for f in report["findings"] if f["check_id"] == "ORG102"]
    assert broken[0]["status"] == "error"
    assert "KeyError" in broken[0]["message"]
    assert "cAnArY" not in audit.out + audit.err  # the exception's message is never shown
    assert audit.code == 3


def test_plugin_that_fails_to_import_becomes_an_error_not_a_crash(tmp_path: Path) -> None:
    site = make_plugin_distribution(tmp_path, extra_entry="ghost = orgchecks.missing:Nothing")
    result = run_privaudit("audit", "--demo", "--format", "json", env={"PYTHONPATH": str(site)})
    report = json.loads(result.out)
    ghost = [f for f in report["findings"] if f["check_id"] == "PLUGIN000"]
    assert ghost and ghost[0]["status"] == Status.ERROR.value
    assert "ModuleNotFoundError" in ghost[0]["message"]
    assert result.code == 3


def test_plugin_that_is_not_a_check_is_a_clear_error(tmp_path: Path) -> None:
    site = make_plugin_distribution(tmp_path, extra_entry="junk = json:dumps")
    result = run_privaudit("checks", "list", env={"PYTHONPATH": str(site)})
    assert result.code == 2
    assert result.err.startswith("privaudit: error: entry point 'junk'")
    assert len(result.err.strip().splitlines()) == 1


def test_plugin_with_a_duplicate_id_is_rejected(tmp_path: Path) -> None:
    site = make_plugin_distribution(tmp_path)
    module = site / "orgchecks" / "__init__.py"
    module.write_text(module.read_text().replace('id="ORG101"', 'id="PW101"'))
    result = run_privaudit("checks", "list", env={"PYTHONPATH": str(site)})
    assert result.code == 2
    assert "check 'PW101' is defined twice" in result.err
