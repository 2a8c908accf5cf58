"""The leak-response kit's media figures; prints them (docs/performance.md).

1. Fingerprinting 1,000 generated 640×480 JPEGs: images/s for privaudit's
   full fingerprint (PDQ + 8 rotations/flips + 20 crops), for PDQ with its
   rotations alone, and for imagehash's pHash (the common Python perceptual
   hash), in the same run; medians of 3 runs.
2. 1,000 queries against 10,000 and 1,000,000 stored hashes: ms per query for
   the numpy scan, the built-in multi-index and faiss (when installed).
3. Recall per transform: each of the 1,000 images transformed, matched
   against the whole hash list (threshold 31) and counted when it matched
   its own original.
4. False matches over the 499,500 unrelated pairs of the 1,000 images, with
   the full matching rule (the suspect's 8 orientations against every stored
   hash, crops included) and with plain PDQ.

    python bench/media.py [--images 1000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from privaudit.media import index
from privaudit.media.fingerprint import fingerprint_image
from privaudit.media.images import load_luma
from privaudit.media.match import Matcher, image_queries
from privaudit.media.pdq import from_hex, hash_luma_dihedral
from tests.media.photos import TRANSFORMS, crop, generated_photo

BENCH_TRANSFORMS = {
    name: TRANSFORMS[name]
    for name in ("resize-50%", "jpeg-q30", "colour", "flip", "rotate-90", "crop-centre-5%",
                 "crop-centre-10%", "crop-bottom-10%")
}  # fmt: skip
BENCH_TRANSFORMS["crop-corner-5%+5%"] = lambda im: crop(im, 0.05, 0.05, 0, 0)


def _median_rate(fn, files: list[Path], runs: int = 3) -> float:
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        for f in files:
            fn(f)
        rates.append(len(files) / (time.perf_counter() - start))
    return statistics.median(rates)


def fingerprinting(files: list[Path]) -> None:
    def phash(path: Path) -> None:
        with Image.open(path) as im:
            imagehash.phash(im)

    full = _median_rate(lambda f: fingerprint_image(f, label="", keep_name=False, added=""), files)
    pdq_only = _median_rate(lambda f: hash_luma_dihedral(load_luma(f)), files)
    reference = _median_rate(phash, files)
    print(f"\n1. Fingerprinting {len(files)} generated 640x480 JPEGs (median of 3 runs)")
    print(f"   privaudit fingerprint (PDQ + 8 dihedral + 20 crops): {full:7.1f} images/s")
    print(f"   PDQ with its 8 dihedral variants only:              {pdq_only:7.1f} images/s")
    print(f"   imagehash pHash (64-bit), same files:               {reference:7.1f} images/s")
    print(f"   ratio full fingerprint / pHash: {full / reference:.2f}")


def searching() -> None:
    rng = np.random.default_rng(8)
    print("\n2. Matching 1,000 query hashes (radius 31), ms per query (median of 3 runs)")
    for size in (10_000, 1_000_000):
        stored = rng.integers(0, 256, size=(size, 32), dtype=np.uint8)
        queries = stored[rng.choice(size, 1000, replace=False)].copy()
        queries[:, :3] ^= 0x11  # 6 bits away: every query has one true neighbour
        backends = ["scan", "multi-index"] + (["faiss"] if index.faiss_available() else [])
        results = {}
        for backend in backends:
            built_at = time.perf_counter()
            idx = index.build(stored, backend=backend)
            build_s = time.perf_counter() - built_at
            n = 1000 if backend != "scan" or size <= 10_000 else 100
            times = []
            for _ in range(3):
                start = time.perf_counter()
                found = idx.search(queries[:n], 31)
                times.append((time.perf_counter() - start) * 1000 / n)
            results[backend] = sorted(found)
            print(
                f"   {size:>9,} stored, {backend:<11}: {statistics.median(times):8.3f} ms/query"
                f"  (build {build_s:.2f} s, {len(found)} hits for {n} queries)"
            )
        scan_hits = results["scan"]
        for backend, hits in results.items():
            same = hits[: len(scan_hits)] == scan_hits[: len(hits)]
            assert same, f"{backend} disagrees with the scan"


def recall(files: list[Path], images: list, matcher: Matcher, work: Path) -> None:
    print(f"\n3. Recall per transform ({len(files)} images, threshold 31, own original matched)")
    for name, transform in BENCH_TRANSFORMS.items():
        hits, distances = 0, []
        for i, image in enumerate(images):
            target = work / f"suspect-{i}.jpg"
            transform(image).save(target, quality=90)
            hashes = hash_luma_dihedral(load_luma(target))
            found = matcher.best(image_queries([h.bits for h in hashes]))
            if found and found.entry.id == matcher.entries[i].id:
                hits += 1
                distances.append(found.distance)
        mean = statistics.mean(distances) if distances else float("nan")
        print(f"   {name:<20} recall {hits / len(images):7.1%}   mean distance {mean:5.1f}")


def false_matches(matcher: Matcher) -> None:
    entries = matcher.entries
    n = len(entries)
    stored_rows, owners = [], []
    for i, e in enumerate(entries):
        for h in [e.pdq, *e.crops.values()]:
            stored_rows.append(from_hex(h))
            owners.append(i)
    stored = np.frombuffer(b"".join(stored_rows), dtype=np.uint8).reshape(-1, 32)
    owner = np.array(owners)
    originals = np.frombuffer(b"".join(from_hex(e.pdq) for e in entries), dtype=np.uint8)
    originals = originals.reshape(-1, 32)
    plain, full, closest = 0, 0, 256
    for i, e in enumerate(entries):
        d_plain = index.distances(originals[i + 1 :], originals[i])
        plain += int((d_plain <= 31).sum())
        best = np.full(n, 256)
        for h in e.dihedral.values():
            d = index.distances(stored, np.frombuffer(from_hex(h), dtype=np.uint8))
            np.minimum.at(best, owner, d)
        best[i] = 256
        full += int((best[i + 1 :] <= 31).sum())
        closest = min(closest, int(best.min()))
    pairs = n * (n - 1) // 2
    print(f"\n4. False matches over {pairs:,} unrelated pairs (threshold 31)")
    print(f"   plain PDQ (original vs original):                 {plain}")
    print(
        f"   full rule (8 orientations vs original + 20 crops): {full}"
        f"   closest unrelated pair: {closest} bits"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        images = [generated_photo(seed, 640, 480) for seed in range(args.images)]
        files = []
        for seed, image in enumerate(images):
            files.append(work / f"photo-{seed}.jpg")
            image.save(files[-1], quality=92)
        fingerprinting(files)
        searching()
        entries = [fingerprint_image(f, label="", keep_name=False, added="") for f in files]
        matcher = Matcher(entries)
        recall(files, images, matcher, work)
        false_matches(matcher)


if __name__ == "__main__":
    main()
