"""The command line: parse, build the context, run, render, map to an exit code.

`main(argv) -> int` is the one entry point (console script and `python -m`).
Every error a user can cause ends here as one line on stderr and exit code 2;
no traceback, and typer's pretty exceptions (which print local variables,
and so could print a password) are never used. A bug in privaudit itself is
reported by exception type and place only (its message could carry data),
with exit code 3; PRIVAUDIT_DEBUG=1 shows its traceback instead (frames only:
the exception's message and chained exceptions are withheld, as they can hold data).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def main(argv: Sequence[str] | None = None, env: Environment | None = None) -> int:
    """Run privaudit; `env` is the process's own unless a test hands one in."""
    from privaudit.procguard import stop_like_ctrl_c  # noqa: PLC0415

    restore_signals = stop_like_ctrl_c()
    try:
        return _main(argv, env)
    finally:
        restore_signals()


def _main(argv: Sequence[str] | None, env: Environment | None) -> int:
    import contextvars  # noqa: PLC0415

    from privaudit.cli.env import Environment  # noqa: PLC0415

    env = env or Environment.from_process()
    # The language (and what --lang set) lives in context variables: a copy per
    # run keeps one in-process run from leaking its language into the next.
    return contextvars.copy_context().run(_run, argv, env)


def _run(argv: Sequence[str] | None, env: Environment) -> int:
    import typer  # noqa: PLC0415  # imported here so `import privaudit.cli` stays light

    from privaudit.cli import lang  # noqa: PLC0415
    from privaudit.cli.app import build_command  # noqa: PLC0415
    from privaudit.cli.help import language_from_args, translate_tree  # noqa: PLC0415
    from privaudit.cli.usage_text import translate_usage  # noqa: PLC0415
    from privaudit.errors import PrivauditError  # noqa: PLC0415
    from privaudit.exitcodes import ExitCode  # noqa: PLC0415
    from privaudit.i18n import _  # noqa: PLC0415

    args = list(sys.argv[1:] if argv is None else argv)
    lang.start(env.environ)
    language_from_args(args)
    command = build_command(env)
    translate_tree(command)
    try:
        result = command.main(args=args, prog_name="privaudit", standalone_mode=False)
    except PrivauditError as exc:
        _error(env, str(exc))
        return exc.exit_code
    except typer.TyperException as exc:
        # typer's public base of every usage and parameter error (click's, vendored).
        ctx = getattr(exc, "ctx", None)
        message = exc.format_message()
        if ctx is not None and message == ctx.get_help():
            env.echo(message, err=True)  # a group run with no command: its help
            return ExitCode.USAGE
        hint = (
            " " + _("(see '{command} --help')").format(command=ctx.command_path)
            if ctx is not None
            else ""
        )
        _error(env, translate_usage(message).replace("\n", " ") + hint)
        return ExitCode.USAGE
    except (typer.Abort, KeyboardInterrupt):
        _error(env, _("interrupted"))
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`privaudit ... | head`): not an error of ours.
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001  # the last resort: any bug is exit 3
        if os.environ.get("PRIVAUDIT_DEBUG") == "1":
            raise _without_message(exc) from None
        from privaudit.runner import crash_reason  # noqa: PLC0415

        _error(env, _("internal error: {reason}").format(reason=crash_reason(exc, "privaudit")))
        return ExitCode.INCOMPLETE
    if result == ExitCode.INTERRUPTED:
        _error(env, _("interrupted"))  # typer turns Ctrl-C into a quiet exit 130
    if isinstance(result, int):
        return result
    return ExitCode.OK


def _without_message(exc: Exception) -> Exception:
    """The same exception type and traceback, without its message or chained exceptions.

    A message can quote a field value ("invalid literal for int(): '²⁰²⁰'") and a
    chained exception its own; the frames (files, lines, code) are what debugging
    needs, and they hold no data.
    """
    try:
        clean = type(exc)()
    except Exception:  # noqa: BLE001  # types that need arguments (UnicodeDecodeError...)
        clean = RuntimeError(f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)")
    if str(clean):  # a type whose text comes from somewhere other than its arguments
        clean = RuntimeError(f"{type(exc).__module__}.{type(exc).__qualname__} (message withheld)")
    return clean.with_traceback(exc.__traceback__)


def _error(env: Environment, message: str) -> None:
    from privaudit.i18n import _  # noqa: PLC0415
    from privaudit.text import sanitize  # noqa: PLC0415

    line = _("privaudit: error: {message}").format(message=sanitize(message, max_length=1000))
    env.echo(line, err=True)
