"""privaudit/plugins.py: one rule for checks, sources and formats."""

from __future__ import annotations

from importlib.metadata import EntryPoint

import pytest

from privaudit.context import AuditContext
from privaudit.model import Status
from privaudit.plugins import (
    BUILTIN,
    SOURCES_GROUP,
    Broken,
    PluginError,
    discover,
    load,
    load_named,
)
from privaudit.registry import BrokenPlugin
from privaudit.sources import BUILTIN_SOURCES, source_plugins


def ep(name: str, value: str) -> EntryPoint:
    return EntryPoint(name=name, value=value, group=SOURCES_GROUP)


def test_builtins_come_first_in_their_order_then_plugins_by_name() -> None:
    found = discover(
        SOURCES_GROUP,
        {"b-builtin": "json:dumps", "a-builtin": "json:loads"},
        eps=[ep("zz", "json:dumps"), ep("aa", "json:loads")],
    )
    assert [p.name for p in found] == ["b-builtin", "a-builtin", "aa", "zz"]
    assert [p.origin for p in found][:2] == [BUILTIN, BUILTIN]
    assert found[2].origin == "plugin (unknown)"


def test_built_in_sources_are_detected_before_any_plugin() -> None:
    names = [p.name for p in source_plugins()]
    assert names[: len(BUILTIN_SOURCES)] == list(BUILTIN_SOURCES)


def test_a_plugin_reusing_a_name_is_refused_naming_both_origins() -> None:
    with pytest.raises(
        PluginError, match=r"source 'csv' is defined twice \(by built-in and plugin"
    ):
        discover(SOURCES_GROUP, {"csv": "json:dumps"}, eps=[ep("csv", "json:loads")])


def test_two_plugins_with_one_name_are_refused() -> None:
    with pytest.raises(PluginError, match="defined twice"):
        discover(SOURCES_GROUP, eps=[ep("x", "json:dumps"), ep("x", "json:loads")])


def test_a_plugin_that_fails_to_load_is_broken_not_dropped() -> None:
    (plugin,) = discover(SOURCES_GROUP, eps=[ep("ghost", "no_such_module_cAnArY:Thing")])
    obj = load(plugin)
    assert isinstance(obj, Broken)
    assert obj.reason == "ModuleNotFoundError while loading no_such_module_cAnArY:Thing"
    with pytest.raises(PluginError, match="source 'ghost' could not be loaded"):
        load_named([plugin], "ghost")
    (finding,) = BrokenPlugin(obj).run(AuditContext())  # type: ignore[misc]
    assert finding.status is Status.ERROR
    assert finding.check_id == "PLUGIN000"


def test_a_broken_built_in_is_a_bug_and_raises() -> None:
    (plugin,) = discover(SOURCES_GROUP, {"bad": "no_such_module_here:X"}, eps=[])
    with pytest.raises(ModuleNotFoundError):
        load(plugin)
