"""Offline corpora: the sorted text file, the per-prefix folder, the compact index."""

from __future__ import annotations

import asyncio
import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.errors import InputError, ServiceError
from privaudit.pwned.build import build_index
from privaudit.pwned.index import DATA_START, CompactIndex
from privaudit.pwned.offline import (
    CorpusLookup,
    PrefixDirCorpus,
    SortedTextCorpus,
    open_corpus,
)
from tests.pwned.conftest import BREACHED, sha1


def make_entries(n: int, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    entries = {sha1(pw): c for pw, c in BREACHED.items()}
    while len(entries) < n:
        entries[f"{rng.getrandbits(160):040X}"] = rng.randint(1, 10**6)
    return entries


def write_text(path: Path, entries: dict[str, int], newline: str = "\r\n") -> Path:
    path.write_text(
        "".join(f"{h}:{c}{newline}" for h, c in sorted(entries.items())),
        encoding="ascii",
        newline="",
    )
    return path


def write_dir(path: Path, entries: dict[str, int]) -> Path:
    path.mkdir()
    groups: dict[str, list[str]] = {}
    for h, c in sorted(entries.items()):
        groups.setdefault(h[:5], []).append(f"{h[5:]}:{c}")
    groups.setdefault("00000", [])
    for prefix, lines in groups.items():
        body = lines or [f"{'0' * 35}:0"]  # the downloader never writes an empty file
        (path / f"{prefix}.txt").write_text("\r\n".join(body) + "\r\n", encoding="ascii")
    return path


@pytest.fixture(scope="module")
def entries() -> dict[str, int]:
    return make_entries(5000)


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_sorted_text_lookups(tmp_path: Path, entries: dict[str, int], newline: str) -> None:
    corpus = SortedTextCorpus(write_text(tmp_path / "pwned.txt", entries, newline))
    keys = sorted(entries)
    for h in [keys[0], keys[1], keys[-1], keys[-2], *random.Random(3).sample(keys, 200)]:
        assert corpus.count(h) == entries[h]
    for pw, count in BREACHED.items():
        assert corpus.count(sha1(pw)) == count
    for h in ("0" * 40, "F" * 40, sha1("never-breached-1"), keys[7][:-1] + "0"):
        if h not in entries:
            assert corpus.count(h) == 0


def test_a_lookup_costs_log_n_probes(tmp_path: Path, entries: dict[str, int]) -> None:
    corpus = SortedTextCorpus(write_text(tmp_path / "pwned.txt", entries))
    bound = 2 * math.log2(len(entries)) + 4
    for h in [*random.Random(5).sample(sorted(entries), 50), sha1("absent-zz")]:
        corpus.probes = 0
        corpus.count(h)
        assert corpus.probes <= bound


def test_a_final_line_without_newline(tmp_path: Path) -> None:
    entries = make_entries(50)
    path = write_text(tmp_path / "pwned.txt", entries)
    path.write_bytes(path.read_bytes().rstrip(b"\r\n"))
    corpus = SortedTextCorpus(path)
    last = max(entries)
    assert corpus.count(last) == entries[last]


def test_unsorted_file_is_an_error_not_a_wrong_answer(tmp_path: Path) -> None:
    entries = make_entries(2000)
    lines = [f"{h}:{c}" for h, c in sorted(entries.items())]
    random.Random(9).shuffle(lines)
    path = tmp_path / "shuffled.txt"
    path.write_text("\n".join(lines) + "\n")

    def probe_all() -> None:
        corpus = SortedTextCorpus(path)
        for h in sorted(entries)[::50]:
            corpus.count(h)

    with pytest.raises(ServiceError, match="not sorted"):
        probe_all()


def test_reversed_file_is_caught_at_open(tmp_path: Path) -> None:
    lines = [f"{h}:{c}" for h, c in sorted(make_entries(100).items(), reverse=True)]
    path = tmp_path / "reversed.txt"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ServiceError, match="not sorted"):
        SortedTextCorpus(path)


def test_malformed_line_where_a_probe_lands(tmp_path: Path) -> None:
    entries = make_entries(1000)
    lines = [f"{h}:{c}" for h, c in sorted(entries.items())]
    lines[500] = "this line is broken"
    path = tmp_path / "broken.txt"
    path.write_text("\n".join(lines) + "\n")
    corpus = SortedTextCorpus(path)
    with pytest.raises(ServiceError, match="malformed line"):
        corpus.count(sorted(entries)[500])


def test_ntlm_and_lowercase_corpora_are_named(tmp_path: Path) -> None:
    ntlm = tmp_path / "ntlm.txt"
    ntlm.write_text("0" * 32 + ":5\n" + "1" * 32 + ":3\n")
    with pytest.raises(ServiceError, match="NTLM"):
        SortedTextCorpus(ntlm)
    lower = tmp_path / "lower.txt"
    lower.write_text("a" * 40 + ":5\n")
    with pytest.raises(ServiceError, match="lower-case"):
        SortedTextCorpus(lower)


def test_missing_and_empty_corpus(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        open_corpus(tmp_path / "nope.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        open_corpus(tmp_path / "empty.txt")
    (tmp_path / "folder").mkdir()
    with pytest.raises(InputError, match=r"00000\.txt"):
        open_corpus(tmp_path / "folder")


def test_per_prefix_folder(tmp_path: Path) -> None:
    entries = make_entries(600)
    corpus = open_corpus(write_dir(tmp_path / "ranges", entries))
    assert isinstance(corpus, PrefixDirCorpus)
    for h in random.Random(4).sample(sorted(entries), 50):
        assert corpus.count(h) == entries[h]


def test_per_prefix_folder_missing_file_is_an_error(tmp_path: Path) -> None:
    folder = write_dir(tmp_path / "ranges", make_entries(10))
    corpus = open_corpus(folder)
    missing = next(
        f"{p:05X}" + "0" * 35 for p in range(1, 99999) if not (folder / f"{p:05X}.txt").exists()
    )
    with pytest.raises(ServiceError, match="incomplete"):
        corpus.count(missing)


def as_complete_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """Let a small test folder stand for a complete one (the real one has 1,048,576 files)."""
    written = sorted(p.stem for p in folder.glob("*.txt"))
    monkeypatch.setattr("privaudit.pwned.prefixdir.expected_prefixes", lambda: written)
    return folder


@pytest.mark.parametrize("key_bytes", [20, 8])
@pytest.mark.parametrize("source_kind", ["text", "dir"])
def test_index_answers_like_the_text(
    tmp_path: Path,
    entries: dict[str, int],
    key_bytes: int,
    source_kind: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if source_kind == "dir":
        entries = dict(list(entries.items())[:600])
    text = write_text(tmp_path / "pwned.txt", entries)
    source = (
        text
        if source_kind == "text"
        else as_complete_folder(monkeypatch, write_dir(tmp_path / "ranges", entries))
    )
    seen: list[tuple[int, int]] = []
    records = build_index(
        source,
        tmp_path / "pwned.idx",
        key_bytes=key_bytes,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert records == len(entries)
    assert seen
    assert seen[-1][0] == seen[-1][1]
    index = open_corpus(tmp_path / "pwned.idx")
    assert isinstance(index, CompactIndex)
    index.verify()
    for h in random.Random(2).sample(sorted(entries), 100):
        assert index.count(h) == entries[h]
    for i in range(200):
        h = sha1(f"absent-{i}")
        assert index.count(h) == entries.get(h, 0)
    records_size = (tmp_path / "pwned.idx").stat().st_size - DATA_START
    assert records_size * 2 <= text.stat().st_size  # at least 2x smaller than the text


@settings(max_examples=25, deadline=None)
@given(
    hashes=st.sets(
        st.text(alphabet="0123456789ABCDEF", min_size=40, max_size=40), min_size=1, max_size=40
    ),
    probe=st.text(alphabet="0123456789ABCDEF", min_size=40, max_size=40),
)
def test_text_and_index_agree(
    tmp_path_factory: pytest.TempPathFactory, hashes: set[str], probe: str
) -> None:
    folder = tmp_path_factory.mktemp("agree")
    entries = {h: i + 1 for i, h in enumerate(sorted(hashes))}
    text = write_text(folder / "c.txt", entries)
    build_index(text, folder / "c.idx")
    corpora = [SortedTextCorpus(text), CompactIndex(folder / "c.idx")]
    for corpus in corpora:
        for h, c in entries.items():
            assert corpus.count(h) == c
        assert corpus.count(probe) == entries.get(probe, 0)


def test_bad_source_leaves_no_index(tmp_path: Path) -> None:
    entries = make_entries(3000)
    good = write_text(tmp_path / "good.txt", entries).read_bytes()
    cases = {
        "truncated": good[: len(good) // 2 + 7],
        "corrupt": good.replace(good[4600:4610], b"zzzzzzzzzz"),
        "unsorted": b"F" * 40 + b":1\n" + good,
        "empty": b"",
    }
    for name, blob in cases.items():
        source = tmp_path / f"{name}.txt"
        source.write_bytes(blob)
        with pytest.raises(InputError, match="no index was written"):
            build_index(source, tmp_path / "out.idx")
        assert sorted(p.name for p in tmp_path.iterdir() if "out" in p.name) == [], name


def test_corrupt_or_truncated_index_is_rejected(tmp_path: Path) -> None:
    write_text(tmp_path / "c.txt", make_entries(500))
    build_index(tmp_path / "c.txt", tmp_path / "c.idx")
    blob = (tmp_path / "c.idx").read_bytes()
    (tmp_path / "short.idx").write_bytes(blob[:-5])
    with pytest.raises(InputError, match="truncated"):
        open_corpus(tmp_path / "short.idx")
    flipped = bytearray(blob)
    last_record_end = DATA_START + CompactIndex(tmp_path / "c.idx").records * 22
    flipped[last_record_end - 3] ^= 0xFF  # in the last record's count
    (tmp_path / "flipped.idx").write_bytes(bytes(flipped))
    with pytest.raises(ServiceError, match="checksum"):
        CompactIndex(tmp_path / "flipped.idx").verify()


def test_corpus_lookup_service(tmp_path: Path, entries: dict[str, int]) -> None:
    lookup = CorpusLookup(open_corpus(write_text(tmp_path / "pwned.txt", entries)))
    result = asyncio.run(lookup.lookup([sha1("P@ssw0rd"), sha1("absent-q")]))
    assert result == {sha1("P@ssw0rd"): BREACHED["P@ssw0rd"], sha1("absent-q"): 0}
    assert "offline" in lookup.source
