"""`privaudit --help` stays fast: heavy libraries load only in the commands that need them.

A structural guard, not a timing test; bench/startup.py measures the time.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("httpx", "httpcore", "zxcvbn", "pyotp", "jinja2", "rich", "platformdirs", "sqlite3")


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys\n"
        "from privaudit.cli import main\n"
        "main(['--help'])\n"
        f"print('LOADED=' + ','.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = proc.stdout.strip().splitlines()[-1].removeprefix("LOADED=")
    assert loaded == "", f"--help imported: {loaded}"
