"""Shell completion for bash, zsh and fish: typer's own, answered by privaudit itself."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import run_privaudit


@pytest.mark.parametrize(
    ("shell", "env", "expected"),
    [
        ("bash", {"COMP_WORDS": "privaudit au", "COMP_CWORD": "1"}, "audit"),
        ("zsh", {"_TYPER_COMPLETE_ARGS": "privaudit checks e"}, '"explain":'),
        (
            "fish",
            {
                "_TYPER_COMPLETE_ARGS": "privaudit checks e",
                "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            },
            "explain\t",
        ),
    ],
)
def test_completion_answers_each_shell(shell: str, env: dict[str, str], expected: str) -> None:
    result = run_privaudit(env={"_PRIVAUDIT_COMPLETE": f"complete_{shell}", **env})
    assert result.code == 0, result.err
    assert expected in result.out


def test_the_completion_script_is_shown_for_the_shell_in_use() -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    result = run_privaudit("--show-completion", env={"SHELL": bash})
    assert result.code == 0, result.err
    assert "_PRIVAUDIT_COMPLETE" in result.out
