"""The reliability suite reuses the loopback webhook receiver of the scheduling tests."""

from tests.scheduling.conftest import webhook

__all__ = ["webhook"]
