"""Where the class server listens: the LAN the trainer is on, never every interface
unless asked.

The default is the address this machine would use to reach the internet (the
interface of the default route): in a classroom that is the Wi-Fi or Ethernet
the learners share. A UDP socket "connected" to a documentation address
(RFC 5737) reveals it without sending a packet; with no default route there is
no LAN to serve, so the server stays on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket

from privaudit.errors import UsageError

LOOPBACK = "127.0.0.1"
_PROBE = ("192.0.2.1", 9)  # TEST-NET-1: never routed, and connect() on UDP sends nothing
WILDCARDS = frozenset({"0.0.0.0", "::"})  # noqa: S104 - named here so they can be refused


def default_bind() -> str:
    """The LAN address of the interface with the default route, else 127.0.0.1."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_PROBE)
        address = str(probe.getsockname()[0])
        if address and address not in WILDCARDS:
            return address
    return LOOPBACK


def check_bind(text: str) -> str:
    """An explicit --bind: an IP address of this machine (a name could resolve anywhere)."""
    try:
        return str(ipaddress.ip_address(text.strip("[]")))
    except ValueError:
        raise UsageError(
            f"--bind {text!r} is not an IP address: give one of this machine's addresses, "
            "such as 192.168.1.20, or 127.0.0.1 to try it alone"
        ) from None


def is_wildcard(address: str) -> bool:
    return address in WILDCARDS


def url_host(address: str) -> str:
    """The host part of a URL: IPv6 addresses go in brackets."""
    return f"[{address}]" if ":" in address else address


def family(address: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in address else socket.AF_INET
