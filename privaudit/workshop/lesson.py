"""The lesson, as data: one source for the terminal session and the slide deck.

Trainers' guides (EFF's Security Education Companion, LevelUp, Security
Planner) ask for a few achievable objectives, one "do this first", plain words
and no fear: each step has a short text, notes for the trainer and one action.
Strings are only marked here (N_) and translated where they are shown, so the
language can change between two renderings in one process.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.i18n import N_, Domain

_ = Domain("workshop").gettext


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    title: str
    objective: int
    """Index into OBJECTIVES of what this step teaches."""
    text: tuple[str, ...]
    notes: str
    action: str
    """The one thing the learner does now, before the next step."""


TITLE = N_("Safer accounts in one hour")
SUBTITLE = N_("Passwords, breaches, 2-step login and privacy, one step at a time.")

WELCOME_NOTES = N_(
    "Welcome people and say how long the session is. Read the goals aloud."
    " Say that nobody will type a real password on this screen."
)

OBJECTIVES: tuple[str, ...] = (
    N_("Tell a strong password from a weak one."),
    N_("Find out if a password is in a breach, without giving it away."),
    N_("Turn on 2-step login for the account that matters most."),
    N_("Check one privacy setting on an app you use."),
    N_("Leave with a short plan and one thing to do first."),
)

STEPS: tuple[Step, ...] = (
    Step(
        key="why",
        title=N_("Why passwords fail"),
        objective=0,
        text=(
            N_(
                "Most break-ins are not clever. People try old passwords that leaked from "
                "other sites."
            ),
            N_("A short or common password can be guessed in seconds."),
            N_("If you use one password on many sites, one leak opens all of them."),
        ),
        notes=N_(
            "Ask who has more than ten accounts. Most hands go up. Say that no one can"
            " remember that many strong passwords, and that is fine. A password manager"
            " can do it for us. Keep the mood calm: this is about habits, not blame."
        ),
        action=N_(
            "Think of the one account that can reset your other accounts. For most of us, it "
            "is email."
        ),
    ),
    Step(
        key="check",
        title=N_("Check one password"),
        objective=0,
        text=(
            N_(
                "Length beats tricks. Four random words are harder to guess than a short word "
                "with symbols."
            ),
            N_(
                "A tool can tell you how long a guess would take. Your password stays on this "
                "computer."
            ),
        ),
        notes=N_(
            "Show the table of sample passwords. Point out that swapping a letter for a"
            " number does not help much. Nobody types a real password on the projector."
            " In practice mode, nobody types a password at all."
        ),
        action=N_("Pick one weak password you use. You will change it today."),
    ),
    Step(
        key="breaches",
        title=N_("Breaches"),
        objective=1,
        text=(
            N_("Sites get broken into, and lists of passwords leak. Attackers try those first."),
            N_(
                "You can check a password against these lists in a safe way. Only the first "
                "five signs of a code made from it leave your computer, never the password."
            ),
            N_("A password in a breach is not safe, however strong it looks."),
        ),
        notes=N_(
            "Explain the five-sign code with a simple picture: you ask for a page of a"
            " phone book, not for one name. The site never learns which line you read."
            " Stress that a breach is the site's fault, not the learner's."
        ),
        action=N_("Change any password that shows up in a breach, on every site where you use it."),
    ),
    Step(
        key="mfa",
        title=N_("2-step login"),
        objective=2,
        text=(
            N_(
                "With 2-step login, a stolen password is not enough. You also need your phone "
                "or a key."
            ),
            N_(
                "An app that shows codes, or a passkey, is best. Codes by text message are "
                "better than nothing."
            ),
            N_("Text codes can be taken if someone moves your phone number to their own SIM card."),
        ),
        notes=N_(
            "Help people find the setting on their own phone. Look under Security or"
            " Sign-in. Tell them to save the backup codes on paper. Do not push anyone"
            " who is not ready: one account today is a good start."
        ),
        action=N_("Turn on 2-step login for your email. Use an app or a passkey if you can."),
    ),
    Step(
        key="privacy",
        title=N_("Privacy settings"),
        objective=3,
        text=(
            N_(
                "Apps often share more than you think: your posts, where you are, who your "
                "friends are."
            ),
            N_(
                "No tool can read these settings for you. A short list of questions helps you "
                "check them."
            ),
        ),
        notes=N_(
            "Pick the app most people in the room use. Walk through one setting"
            " together, such as who can see your posts. Phones differ, so let people"
            " help each other."
        ),
        action=N_(
            "Open the privacy settings of one app you use each day, and check who can see your "
            "posts."
        ),
    ),
    Step(
        key="plan",
        title=N_("Your plan"),
        objective=4,
        text=(
            N_("You do not have to fix it all today. Start at the top of the list."),
            N_("Each item takes a few minutes. Come back to the rest next week."),
        ),
        notes=N_(
            "Give people time to do the first item now, while you are there to help."
            " Hand out the take-home page. Thank everyone: each small step counts."
        ),
        action=N_("Do the first item on your plan today."),
    ),
)


def step_count() -> int:
    return len(STEPS)


def english_texts() -> Iterator[tuple[str, str]]:
    """(where, message) for every sentence of the lesson, for the readability test."""
    yield "title", SUBTITLE
    yield "welcome notes", WELCOME_NOTES
    for i, objective in enumerate(OBJECTIVES):
        yield f"objective {i + 1}", objective
    for step in STEPS:
        for i, paragraph in enumerate(step.text):
            yield f"{step.key} text {i + 1}", paragraph
        yield f"{step.key} notes", step.notes
        yield f"{step.key} action", step.action


def translated_texts() -> dict[str, str]:
    """The same texts in the current language."""
    return {where: _(message) for where, message in english_texts()}
