"""Printable take-home sheets for workshops and self-study (issue 13 points 3 and 4).

``sheet``: the chosen checklists as a tick-box handout (``privaudit handout``);
``plan``: a report's fix-first plan as a page to take home (``write_plan``).
Both render to self-contained HTML (print CSS for A4 and Letter, no external
resources) or to a Markdown checklist, in the current language (gettext domain
``handout``; checklist text comes from the checklist model in that language).
"""
