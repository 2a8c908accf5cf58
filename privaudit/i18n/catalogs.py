"""Keep the gettext catalogs in step with the code: extract, update, compile, check.

    python -m privaudit.i18n.catalogs update   # new strings into every .po
    python -m privaudit.i18n.catalogs compile  # .po -> .mo (committed, so a
                                               # fresh clone needs no build step)
    python -m privaudit.i18n.catalogs check    # what tests/i18n enforce

Babel is a development dependency (extras ``test``/``dev``); privaudit itself
reads the compiled catalogs with the standard library's gettext.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from privaudit import __version__
from privaudit.i18n import CORE_DOMAIN, DEFAULT_LANG, LOCALE_DIR, SUPPORTED

PACKAGE_DIR = LOCALE_DIR.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "Nn_": (1, 2),
    "ngettext": (1, 2),
    "dgettext": (2,),
    "dngettext": (2, 3),
}
# A fixed date keeps `update` from rewriting every header on each run.
_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)

# A Babel method: "python", "ignore" or "package.module:extractor".
Method = str

# domain -> Babel method map (patterns relative to privaudit/, first match wins).
# A feature package with its own domain is listed here and ignored by the core.
FEATURE_DOMAINS: dict[str, list[tuple[str, Method]]] = {
    # The built-in checklists (their TOML) and the `checklist` commands around them
    # (named one by one: another cli/checklist_*.py module may speak the core domain).
    "checklists": [
        ("checklists/*.toml", "privaudit.checklists.extract:extract_toml"),
        ("checklists/**.py", "python"),
        *(
            (f"cli/checklist{name}.py", "python")
            for name in ("", "_answer", "_items", "_prompt", "_score", "_show")
        ),
    ],
    "classroom": [("classroom/**.py", "python")],
    # Printable handouts and the take-home plan (privaudit handout, report plan).
    "handout": [("handout/**.py", "python"), ("cli/handout.py", "python")],
    # What a check says: metadata, finding messages and fixes (checks/lang.py).
    "checks": [
        ("checks/**.py", "python"),
        ("exposure/rules.py", "python"),  # a site's password rules, in fixes
        ("exposure/emails.py", "python"),  # why an email lookup failed
        ("pwned/client.py", "python"),  # why a breach lookup failed
        ("pwned/lanes.py", "python"),
        ("pwned/stream.py", "python"),  # why a range answer is refused
        ("tfa/otpauth.py", "python"),  # why a TOTP setup cannot be used
        ("tfa/migration.py", "python"),
        ("tfa/totp.py", "python"),
    ],
    "classserver": [("classserver/**.py", "python")],
    # The lesson, its practice figures and deck, and the session's CLI wiring.
    "workshop": [("workshop/**.py", "python"), ("cli/workshop*.py", "python")],
}


def method_map(domain: str) -> list[tuple[str, Method]]:
    if domain != CORE_DOMAIN:
        return FEATURE_DOMAINS[domain]
    # Every command's help is the core's, whichever domain its module speaks:
    # cli/help.py translates the whole command tree with the core catalog.
    help_only: list[tuple[str, Method]] = [
        (pattern, "privaudit.i18n.catalogs:extract_help")
        for rules in FEATURE_DOMAINS.values()
        for pattern, _ in rules
        if pattern.startswith("cli/")
    ]
    ignored: list[tuple[str, Method]] = [
        (pattern, "ignore") for rules in FEATURE_DOMAINS.values() for pattern, _ in rules
    ]
    return [
        *help_only,
        *ignored,
        ("i18n/**.py", "ignore"),
        ("cli/**.py", "privaudit.i18n.catalogs:extract_cli"),
        ("**.py", "python"),
        ("render/templates/**.html", "jinja2.ext:babel_extract"),
        ("render/templates/**.j2", "jinja2.ext:babel_extract"),
    ]


def _constant(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def help_strings(source: str) -> Iterator[tuple[int, str]]:
    """The command line's help texts, which typer reads where gettext cannot mark them:
    `help="..."` arguments, `*_HELP = "..."` constants and the commands' docstrings
    (a function decorated with `.command(...)` or `.callback()`). cli/help.py
    translates them in the built command tree."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "help":
            text = _constant(node.value)
            if text:
                yield node.value.lineno, text
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            text = _constant(node.value)
            if isinstance(target, ast.Name) and target.id.endswith("_HELP") and text:
                yield node.lineno, text
        elif isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Call)
            and isinstance(d.func, ast.Attribute)
            and d.func.attr in ("command", "callback")
            for d in node.decorator_list
        ):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                yield node.lineno, doc


def extract_cli(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """Babel extractor for cli/: gettext calls, as for any module, and the help texts."""
    from babel.messages.extract import extract_python  # noqa: PLC0415

    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for lineno, text in help_strings(source.decode("utf-8")):
        yield lineno, "_", text, []


def extract_help(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """Babel extractor for a feature domain's cli/ module: its help texts only."""
    for lineno, text in help_strings(fileobj.read().decode("utf-8")):
        yield lineno, "_", text, []


def domains() -> tuple[str, ...]:
    return (CORE_DOMAIN, *FEATURE_DOMAINS)


def extract(domain: str) -> Catalog:
    """The template catalog of ``domain``: every marked string of its sources."""
    template = Catalog(project="privaudit", version=__version__, creation_date=_EPOCH)
    found = extract_from_dir(
        str(PACKAGE_DIR),
        method_map=method_map(domain),
        keywords=KEYWORDS,
        options_map={
            pattern: {"extensions": "jinja2.ext.i18n"}
            for pattern in ("render/templates/**.html", "render/templates/**.j2")
        },
        strip_comment_tags=True,
        comment_tags=("TRANSLATORS:",),
    )
    for filename, lineno, message, comments, context in found:
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def po_path(domain: str, lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{domain}.po"


def _read(path: Path, lang: str, domain: str) -> Catalog:
    if not path.exists():
        return Catalog(
            locale=lang,
            domain=domain,
            project="privaudit",
            version=__version__,
            copyright_holder="the privaudit developers",
            last_translator="the privaudit developers",
            language_team=f"privaudit {lang}",
            creation_date=_EPOCH,
            revision_date=_EPOCH,
            fuzzy=False,
        )
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=domain)


def _po_bytes(cat: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, cat, width=100, include_lineno=False, sort_output=True, ignore_obsolete=True)
    return out.getvalue()


def _mo_bytes(cat: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, cat, use_fuzzy=False)
    return out.getvalue()


def _languages() -> Sequence[str]:
    return [lang for lang in SUPPORTED if lang != DEFAULT_LANG]


def update() -> None:
    for domain in domains():
        template = extract(domain)
        for lang in _languages():
            path = po_path(domain, lang)
            cat = _read(path, lang, domain)
            cat.update(template, no_fuzzy_matching=True, update_header_comment=False)
            cat.revision_date = _EPOCH
            cat.version = __version__
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_po_bytes(cat))


def compile_all() -> None:
    for domain in domains():
        for lang in _languages():
            path = po_path(domain, lang)
            if path.exists():
                path.with_suffix(".mo").write_bytes(_mo_bytes(_read(path, lang, domain)))


_FIELD = re.compile(r"\{([^{}]*)\}")


def _fields(text: str) -> set[str]:
    return set(_FIELD.findall(text.replace("{{", "").replace("}}", "")))


def _message_problems(where: str, msg: Any) -> Iterable[str]:
    ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
    strs = msg.string if isinstance(msg.string, tuple) else (msg.string,)
    if msg.fuzzy and msg.id:
        yield f"{where}: fuzzy translation of {ids[0]!r}"
    if not all(strs):
        yield f"{where}: no translation of {ids[0]!r}"
        return
    wanted = set().union(*(_fields(i) for i in ids))
    for text in strs:
        if _fields(text) != wanted:
            yield f"{where}: placeholders of {ids[0]!r} differ in {text!r}"


def _sorted(ids: set[Any]) -> list[Any]:
    return sorted(ids, key=str)


def check() -> list[str]:
    """Every problem that would make a non-English run show English or break."""
    problems: list[str] = []
    for domain in domains():
        template = extract(domain)
        for lang in _languages():
            path = po_path(domain, lang)
            if not len(template) and not path.exists():
                continue
            cat = _read(path, lang, domain)
            where = f"{path.relative_to(PACKAGE_DIR.parent)}"
            wanted = {m.id for m in template if m.id}
            have = {m.id for m in cat if m.id}
            problems += [f"{where}: missing {i!r} (run update)" for i in _sorted(wanted - have)]
            problems += [f"{where}: obsolete {i!r} (run update)" for i in _sorted(have - wanted)]
            for msg in cat:
                if msg.id:
                    problems += _message_problems(where, msg)
            mo = path.with_suffix(".mo")
            if not mo.exists() or mo.read_bytes() != _mo_bytes(cat):
                problems.append(f"{where}: compiled catalog is stale (run compile)")
    return problems


def main(argv: Sequence[str]) -> int:
    match argv:
        case ["update"]:
            update()
            compile_all()
        case ["compile"]:
            compile_all()
        case ["check"]:
            problems = check()
            print("\n".join(problems) or "catalogs are complete")  # noqa: T201
            return 1 if problems else 0
        case _:
            print(__doc__)  # noqa: T201
            return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
