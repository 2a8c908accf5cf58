"""The one door from what a user asked for to a Report, with no command line in it.

`request.py` says what can be asked (`AuditRequest`, `PasswordCheckRequest`);
`settings.py` resolves a request against the profile, the environment and the
demo; `audit.py` turns it into a complete `AuditContext` and a `Report`;
`password.py` is its twin for passwords typed outside any vault; `history.py`
is what an audit does around the run (baseline, --since-last, --notify).
The CLI parses options into a request, calls one of these, renders the
Report and maps it to an exit code.
"""
