"""What each step shows besides its lesson text: the figures of the data at hand
(the demo's in practice mode and on the deck, the learner's own otherwise)."""

from __future__ import annotations

from privaudit.i18n import Domain, format_number
from privaudit.workshop.figures import Figures, crack_time, strength_word
from privaudit.workshop.lesson import Step

_d = Domain("workshop")
_ = _d.gettext
ngettext = _d.ngettext

MAX_NAMES = 4


def names(items: tuple[str, ...]) -> str:
    shown = list(items[:MAX_NAMES])
    more = len(items) - len(shown)
    text = ", ".join(shown)
    if more:
        text += " " + ngettext("and {n} more", "and {n} more", more).format(n=more)
    return text


def intro(practice: bool) -> str:
    if practice:
        return _("Practice mode: the data of Sam, a made-up person. Nothing here is real.")
    return _("Your own data stays on this computer. Nothing is sent or kept about you.")


def _why(f: Figures, practice: bool) -> list[str]:
    whose = _("In the demo data:") if practice else _("In your data:")
    lines = [whose, ngettext("{n} login", "{n} logins", f.accounts).format(n=f.accounts)]
    lines.append(
        ngettext(
            "{n} login shares its password with another",
            "{n} logins share a password with another",
            len(f.reused),
        ).format(n=len(f.reused))
    )
    lines.append(
        ngettext(
            "{n} login has a password that is easy to guess",
            "{n} logins have a password that is easy to guess",
            len(f.weak),
        ).format(n=len(f.weak))
    )
    if f.short:
        lines.append(
            ngettext(
                "{n} login has a short password and no 2-step login",
                "{n} logins have a short password and no 2-step login",
                len(f.short),
            ).format(n=len(f.short))
        )
    return [lines[0], *("  - " + line for line in lines[1:])]


def column_numbers(values: list[int]) -> list[str]:
    """Numbers of one column grouped alike: CLDR's minimum grouping leaves Spanish 2316
    bare beside 18 742, which looks like a mistake on a projector; with any number
    grouped, every one of 4 digits or more is."""
    texts = [format_number(n) for n in values]
    if all(t.lstrip("-").isdigit() for t in texts):  # none grouped: leave them
        return texts
    sep = format_number(1_000_000)[1]
    return [f"{n:,}".replace(",", sep) for n in values]


def sample_rows(f: Figures) -> list[tuple[str, str, str, str]]:
    """(password, strength, time to guess, times seen in breaches) per sample."""
    seen = column_numbers([s.seen for s in f.samples])
    return [
        (s.password, strength_word(s.status, s.score), crack_time(s.guesses_log10), times)
        for s, times in zip(f.samples, seen, strict=True)
    ]


def sample_head() -> tuple[str, str, str, str]:
    return (_("Password"), _("How strong"), _("Time to guess"), _("Seen in breaches"))


def _check(f: Figures, practice: bool) -> list[str]:
    if not practice or not f.samples:
        return []
    rows = [sample_head(), *sample_rows(f)]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    last = max(len(row[3]) for row in rows)
    # Three spaces between columns: the session prints such rows as they are. The
    # numbers are right-aligned, so their digits line up.
    table = [
        "  "
        + "   ".join(
            [*(c.ljust(w) for c, w in zip(row[:3], widths, strict=True)), row[3].rjust(last)]
        )
        for row in rows
    ]
    return [_("Sample passwords from the demo, side by side:"), *table]


def _breaches(f: Figures, practice: bool) -> list[str]:
    lines: list[str] = []
    if practice and f.samples:
        worst = max(f.samples, key=lambda s: s.seen)
        lines.append(
            _("The demo password {password} is in the breach list {n} times.").format(
                password=worst.password, n=format_number(worst.seen)
            )
        )
        lines.append(
            _("To check it, only these five signs would leave the computer: {prefix}").format(
                prefix=worst.prefix
            )
        )
    if f.breach_unknown and not f.breached:
        lines.append(_("The breach check could not run here, so we do not know yet."))
        if not practice:
            lines.append(
                _(
                    "To check, run again with `--online` (only five signs of each code leave),"
                    " or give a breach list with `--pwned-corpus FILE`."
                )
            )
        return lines
    if f.breached:
        lines.append(
            ngettext(
                "{n} login uses a password from a breach: {names}",
                "{n} logins use a password from a breach: {names}",
                len(f.breached),
            ).format(n=len(f.breached), names=names(tuple(n for n, _c in f.breached)))
        )
    else:
        lines.append(_("No password here is in the breach list."))
    return lines


def _mfa(f: Figures, practice: bool) -> list[str]:
    lines = [
        _(
            "{name} uses only text codes. Whoever moves that phone number to a new SIM card "
            "gets the codes too."
        ).format(name=name)
        for name in (f.sms_only if practice else ())
    ]
    if f.no_mfa:
        lines.append(_("No 2-step login yet: {names}").format(names=names(f.no_mfa)))
    if f.weak_mfa and not practice:
        lines.append(
            _("A stronger second step is offered: {names}").format(names=names(f.weak_mfa))
        )
    return lines


def _privacy(f: Figures, practice: bool) -> list[str]:
    lines = []
    if f.settings_to_fix:
        lines.append(
            ngettext(
                "{n} privacy setting to fix or check",
                "{n} privacy settings to fix or check",
                f.settings_to_fix,
            ).format(n=f.settings_to_fix)
        )
    # The first platform with something to fix; without one, the list of checklists.
    first = f.platforms[0] if f.platforms else None
    command = f"privaudit checklist run {first}" if first else "privaudit checklist list"
    lines.append(
        _("To go through one app's list of questions: `{command}`").format(command=command)
    )
    return lines


def plan_lines(f: Figures, incomplete: bool) -> list[str]:
    lines = [_("Your plan, most useful first:") if f.plan else _("Nothing to fix was found.")]
    lines += [f"  {i}. {title}" for i, title in enumerate(f.plan, 1)]
    if incomplete:
        lines.append(_("Some checks could not run, so this plan may miss a step."))
    return lines


def step_lines(step: Step, f: Figures, *, practice: bool, incomplete: bool = False) -> list[str]:
    match step.key:
        case "why":
            return _why(f, practice)
        case "check":
            return _check(f, practice)
        case "breaches":
            return _breaches(f, practice)
        case "mfa":
            return _mfa(f, practice)
        case "privacy":
            return _privacy(f, practice)
        case "plan":
            lines = plan_lines(f, incomplete)
            if f.exports and not practice:
                lines.append(
                    _("When you are done, delete the export file: it holds your passwords.")
                )
            return lines
    return []
