"""The command line: parse, build the context, run, render, map to an exit code.

`main(argv) -> int` is the one entry point (console script and `python -m`).
Every error a user can cause ends here as one line on stderr and exit code 2;
no traceback, and typer's pretty exceptions (which print local variables,
and so could print a password) are never used.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from privaudit.cli._click import click_exceptions  # noqa: PLC0415
    from privaudit.cli.app import build_command  # noqa: PLC0415
    from privaudit.errors import PrivauditError  # noqa: PLC0415
    from privaudit.exitcodes import ExitCode  # noqa: PLC0415

    click = click_exceptions()
    args = list(sys.argv[1:] if argv is None else argv)
    command = build_command()
    try:
        result = command.main(args=args, prog_name="privaudit", standalone_mode=False)
    except PrivauditError as exc:
        _error(str(exc))
        return exc.exit_code
    except click.NoArgsIsHelpError as exc:
        print(exc.ctx.get_help() if exc.ctx else "", file=sys.stderr)
        return ExitCode.USAGE
    except click.UsageError as exc:
        hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        _error(exc.format_message().replace("\n", " ") + hint)
        return ExitCode.USAGE
    except click.ClickException as exc:
        _error(exc.format_message().replace("\n", " "))
        return ExitCode.USAGE
    except click.Abort:
        _error("interrupted")
        return ExitCode.INTERRUPTED
    except KeyboardInterrupt:
        _error("interrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`privaudit ... | head`): not an error of ours.
        return ExitCode.OK
    if isinstance(result, int):
        return result
    return ExitCode.OK


def _error(message: str) -> None:
    from privaudit.text import sanitize  # noqa: PLC0415

    print(f"privaudit: error: {sanitize(message, max_length=1000)}", file=sys.stderr)
