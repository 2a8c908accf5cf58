"""Preloaded by the strength worker pool's fork server: import and prepare zxcvbn once."""

from __future__ import annotations

from privaudit.strength import prepare_zxcvbn

prepare_zxcvbn()
