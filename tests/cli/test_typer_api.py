"""privaudit relies on typer's public API only, within a tested range of releases."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def typer_requirement() -> Requirement:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    (req,) = [Requirement(d) for d in project["dependencies"] if d.startswith("typer")]
    return req


def test_typer_has_an_upper_bound_and_the_installed_release_is_inside_it() -> None:
    req = typer_requirement()
    assert any(spec.operator == "<" for spec in req.specifier), "typer needs an upper bound"
    assert req.specifier.contains(version("typer")), (
        f"typer {version('typer')} is outside {req.specifier}: run the suite on it, then"
        " move the bound in pyproject.toml"
    )


def test_no_module_imports_a_private_part_of_typer_or_click() -> None:
    bad = []
    for path in (ROOT / "privaudit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [node.value] if node.value.startswith(("typer.", "click.")) else []
            bad += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] in ("typer", "click")
                and any(p.startswith("_") for p in n.split("."))
            ]
    assert bad == []
