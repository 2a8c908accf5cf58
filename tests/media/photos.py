"""Generated photos and the transforms a leaked copy goes through.

A scene of overlapping shapes over a gradient, slightly blurred, with sensor
noise: like a real photo it has energy at every scale, which PDQ relies on
(smooth random blobs alone give unstable hashes no real photo has). Shared by
tests/media and bench/media.py.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageOps


def generated_photo(seed: int, width: int = 320, height: int = 240) -> Image.Image:
    rng = np.random.default_rng(seed)
    x = np.arange(width, dtype=np.float64)[None, :, None]
    base = rng.uniform(0, 255, 3)[None, None, :] * (0.5 + 0.5 * x / width)
    img = Image.fromarray(np.clip(np.repeat(base, height, axis=0), 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(40):
        x0, y0 = rng.uniform(-0.2, 1.0) * width, rng.uniform(-0.2, 1.0) * height
        w, h = rng.uniform(0.05, 0.5) * width, rng.uniform(0.05, 0.5) * height
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape((x0, y0, x0 + w, y0 + h), fill=colour)
    img = img.filter(ImageFilter.GaussianBlur(width / 320))
    noisy = np.asarray(img).astype(np.float64) + rng.normal(0, 4, (height, width, 3))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def crop(image: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = image.size
    box = (round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom)))
    return image.crop(box)


def jpeg(image: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def colour_shift(image: Image.Image) -> Image.Image:
    brighter = ImageEnhance.Brightness(image).enhance(1.2)
    return ImageEnhance.Color(brighter).enhance(1.5)


Transform = Callable[[Image.Image], Image.Image]

TRANSFORMS: dict[str, Transform] = {
    "resize-50%": lambda im: im.resize((im.width // 2, im.height // 2), Image.Resampling.BILINEAR),
    "jpeg-q30": lambda im: jpeg(im, 30),
    "colour": colour_shift,
    "greyscale": lambda im: ImageOps.grayscale(im).convert("RGB"),
    "flip": ImageOps.mirror,
    "rotate-90": lambda im: im.transpose(Image.Transpose.ROTATE_90),
    "crop-centre-5%": lambda im: crop(im, 0.025, 0.025, 0.025, 0.025),
    "crop-centre-10%": lambda im: crop(im, 0.05, 0.05, 0.05, 0.05),
    "crop-bottom-10%": lambda im: crop(im, 0, 0, 0, 0.10),
    "crop-left-5%": lambda im: crop(im, 0.05, 0, 0, 0),
    "crop-corner-5%": lambda im: crop(im, 0, 0.05, 0.05, 0),
}
