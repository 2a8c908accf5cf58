"""The import graph of privaudit/, read with ast: no cycle, and the layers hold.

Every import counts, wherever it is written (module level, inside a function,
under TYPE_CHECKING): a lazy import still ties two modules together.
"""

from __future__ import annotations

import ast
from pathlib import Path

import privaudit

PACKAGE = Path(privaudit.__file__).parent

FEATURES = ("sources", "pwned", "tfa", "checklists", "store", "render", "exposure", "workshop")
"""Reached through the context or a registry; they never reach back into the core."""
CORE_ONLY = ("privaudit.registry", "privaudit.checks", "privaudit.runner", "privaudit.pipeline")
RENDER_MAY_IMPORT = (
    "privaudit.model",
    "privaudit.runs",
    "privaudit.serialize",
    "privaudit.plan",  # the fix-first plan: a pure function of the Report, like serialize
    "privaudit.errors",
    "privaudit.text",
    "privaudit.trends",
    "privaudit.render",
    "privaudit.plugins",
    "privaudit.i18n",  # gettext in the report's language: the stdlib's, no data of its own
    "privaudit.csp",  # the self-contained pages' policy: stdlib hashing, shared with classroom
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    """module -> the privaudit modules it imports (a name imported from a package
    counts as its submodule when there is one)."""
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}

    def resolve(name: str) -> str | None:
        while name and name not in files:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(t for a in node.names if (t := resolve(a.name)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                targets.update(t for a in node.names if (t := resolve(f"{base}.{a.name}")))
        targets.discard(module)
        graph[module] = targets
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


def _under(module: str, prefixes: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def test_the_graph_is_read() -> None:
    graph = import_graph()
    assert "privaudit.check" in graph["privaudit.runner"]
    assert "privaudit.checks" in graph["privaudit.registry"]  # a lazy import counts


def test_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_feature_packages_never_import_the_core() -> None:
    bad = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if _under(module, tuple(f"privaudit.{f}" for f in FEATURES))
        for target in targets
        if _under(target, (*CORE_ONLY, "privaudit.check", "privaudit.cli"))
    ]
    assert bad == []


def test_renderers_and_trends_depend_on_the_model_only() -> None:
    bad = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if _under(module, ("privaudit.render", "privaudit.trends"))
        for target in targets
        if not _under(target, RENDER_MAY_IMPORT)
    ]
    assert bad == []


def test_nothing_imports_the_catalog_tools() -> None:
    """Babel is a development dependency: privaudit itself reads .mo files only."""
    bad = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if module != "privaudit.i18n.catalogs"
        for target in targets
        if target == "privaudit.i18n.catalogs"
    ]
    assert bad == []


def test_only_the_cli_imports_typer() -> None:
    for path in PACKAGE.rglob("*.py"):
        if _module_name(path).startswith("privaudit.cli"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("typer", "click")], path
