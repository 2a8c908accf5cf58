"""Every third-party module privaudit imports is a dependency it declares itself.

A module that arrives only as another package's dependency (markupsafe with
jinja2) can vanish when that package changes its own requirements.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import privaudit

PACKAGE = Path(privaudit.__file__).parent
PYPROJECT = PACKAGE.parent / "pyproject.toml"
OPTIONAL_ONLY = ("media", "i18n/catalogs.py")
"""Parts of privaudit that only run with an extra installed (media) or in development."""


def _top_level_imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name.partition(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.partition(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m != "privaudit"}


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]

    def names(reqs: list[str]) -> set[str]:
        return {canonicalize_name(Requirement(r).name) for r in reqs}

    extras = set().union(*(names(r) for r in project["optional-dependencies"].values()))
    return names(project["dependencies"]), extras


def test_every_imported_distribution_is_declared() -> None:
    required, extras = _declared()
    dists = packages_distributions()
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        allowed = required | extras if where.startswith(OPTIONAL_ONLY) else required
        for module in sorted(_top_level_imports(path)):
            owners = {canonicalize_name(d) for d in dists.get(module, [])}
            if owners and not owners & allowed:
                missing.append(f"{where}: {module} (from {', '.join(sorted(owners))})")
    assert missing == [], "declare these in pyproject.toml:\n" + "\n".join(missing)
