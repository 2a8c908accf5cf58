"""Loading 2fa.directory data: v3 arrays, v4 objects, the built-in dataset, the real snapshot."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.accounts import MfaMethod
from privaudit.model import Severity
from privaudit.tfa.dataset import DatasetError, load_builtin, parse_dataset_bytes, parse_services
from privaudit.tfa.match import Directory
from tests.tfa.conftest import v3_entries


def test_v3_array_is_parsed_with_names_methods_and_categories() -> None:
    services, bad = parse_services(v3_entries(), where="t")
    assert bad == 0
    mail, bank, shop = services
    assert mail.name == "Example Mail"
    assert mail.methods == {MfaMethod.SMS, MfaMethod.TOTP, MfaMethod.HARDWARE_KEY}
    assert mail.documentation == "https://examplemail.test/2fa"
    assert mail.severity is Severity.CRITICAL
    assert bank.additional_domains == ("ebank.test",)
    assert bank.severity is Severity.HIGH
    assert not shop.offers_2fa


def test_v4_object_keyed_by_domain_with_methods_field() -> None:
    data = {
        "examplemail.test": {"methods": ["totp", "u2f"], "documentation": "https://e.test/2fa"},
        "alias.test": {"methods": ["totp", "u2f"]},
        "nofa.test": {},
    }
    services, bad = parse_services(data, where="t")
    assert bad == 0
    assert [s.domain for s in services] == ["examplemail.test", "alias.test", "nofa.test"]
    assert services[0].name == "examplemail.test"  # v4 entries carry no name
    assert services[0].methods == {MfaMethod.TOTP, MfaMethod.HARDWARE_KEY}
    assert not services[2].offers_2fa


def test_unknown_methods_are_ignored_not_fatal() -> None:
    services, _ = parse_services(
        [["X", {"domain": "x.test", "tfa": ["totp", "telepathy"]}]], where="t"
    )
    assert services[0].methods == {MfaMethod.TOTP}


@pytest.mark.parametrize(
    "entry",
    [
        {"domain": "not a domain"},
        {"domain": 42},
        {"tfa": ["totp"]},
        {"domain": "x.test", "tfa": "totp"},
        {"domain": "x.test", "additional-domains": [1]},
        "string",
    ],
)
def test_malformed_entries_are_counted_and_too_many_refuse_the_dataset(entry: object) -> None:
    good = v3_entries(40)
    services, bad = parse_services([*good, ["Bad", entry]], where="t")
    assert (len(services), bad) == (40, 1)
    with pytest.raises(DatasetError, match="malformed"):
        parse_services([*good[:5], ["Bad", entry]], where="t")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'[["A", {"domain": "a.test"', "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'"just a string"', "expected a 2fa.directory"),
        (b"[]", "usable entries"),
    ],
)
def test_corrupt_or_partial_data_raises_one_clear_error(raw: bytes, message: str) -> None:
    with pytest.raises(DatasetError, match=message):
        parse_dataset_bytes(raw, origin="downloaded", date="2026-11-24", where="t")


def test_builtin_dataset_covers_the_services_people_use_most() -> None:
    dataset = load_builtin()
    assert dataset.label.startswith("built-in ")
    assert len(dataset.services) >= 100
    categories = {c for s in dataset.services for c in s.categories}
    for needed in (
        "email",
        "identity",
        "backup",
        "social",
        "creator",
        "communication",
        "banking",
        "payments",
        "retail",
        "gaming",
        "developer",
    ):
        assert needed in categories
    for service in dataset.services:
        if service.offers_2fa:
            assert service.documentation is None or service.documentation.startswith("https://")
    names = [s.domain for s in dataset.services]
    assert len(names) == len(set(names))


def test_builtin_dataset_documents_2fa_for_most_services() -> None:
    with2fa = [s for s in load_builtin().services if s.offers_2fa]
    assert sum(1 for s in with2fa if s.documentation) >= len(with2fa) - 2


REAL = Path("real-data") / "2fa-directory-v3-all.json"


def test_real_snapshot_loads_and_matches(shared_dir: Path) -> None:
    path = shared_dir / REAL
    if not path.is_file():
        pytest.skip("real 2fa.directory snapshot not present")
    dataset = parse_dataset_bytes(
        path.read_bytes(),
        origin="downloaded",
        date="2026-11-24",
        where=str(path),
        min_entries=1000,
    )
    assert len(dataset.services) > 2000
    assert dataset.skipped <= len(dataset.services) * 0.05
    directory = Directory(dataset)
    from privaudit.accounts import Account

    def name(url: str) -> str | None:
        match = directory.match(Account(label="x", urls=(url,)))
        return match.service.name if match else None

    assert name("https://mail.google.com") == "Gmail"
    assert name("https://gmail.com") == "Gmail"
    assert name("https://accounts.google.com") == "Gmail"  # same site; the email service wins
    assert name("https://console.aws.amazon.com") == "Amazon Web Services"
    assert name("https://www.amazon.co.uk") == "Amazon"  # additional-domains
    assert name("https://github.com/login") == "GitHub"
    assert name("https://twitter.com") == "X (Twitter)"
    assert name("http://192.168.0.1") is None
    match = directory.match(Account(label="x", urls=("https://www.instagram.com",)))
    assert match is not None
    assert match.service.offers_2fa


def test_builtin_json_is_committed_in_the_entry_shape() -> None:
    raw = json.loads(
        (Path(__file__).resolve().parents[2] / "privaudit" / "tfa" / "builtin.json").read_text()
    )
    assert raw["format"] == "privaudit-tfa/1"
    for name, entry in raw["entries"]:
        assert isinstance(name, str)
        assert set(entry) <= {
            "domain",
            "additional-domains",
            "tfa",
            "custom-software",
            "custom-hardware",
            "documentation",
            "recovery",
            "notes",
            "keywords",
        }


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["domain", "tfa", "keywords", "additional-domains", "documentation", "x"]
            ),
            children,
            max_size=4,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None)
@given(data=_JSON)
def test_any_json_is_a_dataset_or_one_dataset_error(data: object) -> None:
    with contextlib.suppress(DatasetError):
        parse_services(data, where="t")
