"""Account -> service matching: registrable domains, suffixes, IPs, localhost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.accounts import Account
from privaudit.tfa.dataset import Dataset, Service, parse_services
from privaudit.tfa.match import Directory
from tests.tfa.conftest import v3_entries


def _name(directory: Directory, *urls: str, label: str = "unnamed thing") -> str | None:
    match = directory.match(Account(label=label, urls=urls))
    return match.service.name if match else None


@pytest.mark.parametrize(
    "url",
    [
        "https://accounts.google.com/signin",
        "mail.google.com",
        "https://gmail.com",
        "HTTPS://MAIL.GOOGLE.COM.",
        "https://user:pw@accounts.google.com:443/x",
    ],
)
def test_google_hosts_find_google(builtin_directory: Directory, url: str) -> None:
    assert _name(builtin_directory, url) == "Google Account (Gmail)"


def test_most_specific_listed_domain_wins(builtin_directory: Directory) -> None:
    assert _name(builtin_directory, "https://console.aws.amazon.com") == "Amazon Web Services"
    assert _name(builtin_directory, "https://www.amazon.com/gp") == "Amazon"
    assert _name(builtin_directory, "https://www.amazon.co.uk") == "Amazon"  # additional-domains


def _directory(*services: Service) -> Directory:
    return Directory(Dataset(services, origin="test", date="2026-11-24"))


def test_example_co_uk_is_not_co_uk() -> None:
    directory = _directory(Service("Suffix", "co.uk"), Service("Ex", "example.co.uk"))
    assert _name(directory, "https://www.example.co.uk") == "Ex"
    assert _name(directory, "https://other.co.uk") is None  # never climbs to the suffix
    # A service whose own domain is a public suffix (gov.uk, carrd.co) keeps that
    # exact host, and only it.
    assert _name(directory, "https://co.uk") == "Suffix"
    assert _name(directory, "https://www.co.uk") == "Suffix"
    assert directory.matcher.registrable_domain("a.b.example.co.uk") == "example.co.uk"
    assert directory.matcher.registrable_domain("co.uk") is None


def test_private_suffixes_keep_tenants_apart() -> None:
    directory = _directory(Service("Pages", "github.io"))
    assert _name(directory, "https://alice.github.io") is None


def test_additional_domains_are_honoured() -> None:
    services, _ = parse_services(v3_entries(), where="t")
    directory = Directory(Dataset(tuple(services), origin="t", date="d"))
    assert _name(directory, "https://login.ebank.test") == "Example Bank"
    assert _name(directory, "https://examplebank.co.uk") == "Example Bank"


@pytest.mark.parametrize(
    "url",
    [
        "http://192.168.0.1",
        "https://127.0.0.1:8443/",
        "http://[::1]/",
        "http://[2001:db8::1]",
        "http://localhost:8080",
        "http://printer.local",
        "http://nas.home.arpa",
        "http://app.localhost",
        "http://router",
        "http://10.0.0",
        "",
    ],
)
def test_ips_and_local_names_never_match(builtin_directory: Directory, url: str) -> None:
    assert _name(builtin_directory, url) is None


def test_ip_looking_like_a_listed_domain_does_not_match() -> None:
    directory = _directory(Service("Odd", "0.1"), Service("Odd2", "168.0.1"))
    assert _name(directory, "http://192.168.0.1") is None


def test_name_match_only_without_urls(builtin_directory: Directory) -> None:
    assert _name(builtin_directory, label="instagram") == "Instagram"
    assert _name(builtin_directory, label="Gmail") == "Google Account (Gmail)"
    assert _name(builtin_directory, label="paypal") == "PayPal"
    assert _name(builtin_directory, label="x") == "X (Twitter)"  # the name itself
    assert _name(builtin_directory, label="ok") is None
    assert _name(builtin_directory, "https://unknown-site.example", label="Instagram") is None


def test_an_exact_domain_wins_over_a_same_site_match() -> None:
    directory = _directory(Service("Mail", "mail.corp.test"), Service("Git", "git.test"))
    match = directory.match(
        Account(label="x", urls=("https://accounts.corp.test", "https://git.test"))
    )
    assert match is not None
    assert match.service.name == "Git"
    assert match.how == "domain"
    only_site = directory.match(Account(label="x", urls=("https://accounts.corp.test",)))
    assert only_site is not None
    assert only_site.service.name == "Mail"
    assert only_site.how == "site"


_LABEL = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(
    labels=st.lists(_LABEL, min_size=1, max_size=4),
    suffix=st.sampled_from(["com", "co.uk", "github.io", "test", "xn--p1ai", "123"]),
)
def test_matching_never_climbs_above_the_registrable_domain(
    builtin_directory: Directory, labels: list[str], suffix: str
) -> None:
    host = ".".join([*labels, suffix])
    matcher = builtin_directory.matcher
    site = matcher.registrable_domain(host)
    match = matcher.match_host(host)
    if match is None:
        return
    assert site is not None
    listed = match.service.domains
    assert any(host == d or host.endswith("." + d) for d in listed) or match.how == "site"
    assert all(matcher.registrable_domain(d) is not None for d in listed if host.endswith(d))


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=60))
def test_arbitrary_urls_never_crash_matching(builtin_directory: Directory, text: str) -> None:
    builtin_directory.match(Account(label=text or "x", urls=(text,)))


def test_public_suffix_list_works_with_the_network_blocked() -> None:
    """The bundled list is used: with every socket refused, matching still works."""
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from privaudit.accounts import Account\n"
        "from privaudit.tfa.dataset import load_builtin\n"
        "from privaudit.tfa.match import Directory\n"
        "d = Directory(load_builtin())\n"
        "m = d.match(Account(label='x', urls=('https://mail.google.com',)))\n"
        "print(m.service.domain, d.matcher.registrable_domain('a.example.co.uk'))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"},
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["google.com", "example.co.uk"]
