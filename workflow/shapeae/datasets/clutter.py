"""Shapes in clutter: a classification set standing in for STL-10 / SVHN in Pihlgren et al.

Each RGB scene holds one shape (circle, square, triangle or star: the class) of a random hue, size,
orientation and position, drawn over a random background colour among clutter: lines and small
rectangles in random colours, which carry more pixel energy than the shape. The class is what a
pixel-wise loss tends to spend little on. Drawn with Pillow at `supersample` times the image size,
box-filtered down (the shape's polygons are colours.vertices: the same shapes as the coloured set).

Factors: shape (categorical, index into SHAPES), size (circumradius, px), orientation (degrees within
one symmetry period), x, y (centre, px), hue (in [0, 1)), n_clutter.
"""
import colorsys

import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

from .colours import SHAPES, SYMMETRY, vertices


def random_colour(rng, value_range=(0.6, 1.0)):
    hue = rng.uniform()
    return hue, tuple(int(255 * c) for c in colorsys.hsv_to_rgb(hue, rng.uniform(0.6, 1.0), rng.uniform(*value_range)))


def draw_clutter(draw, rng, n, big):
    for _ in range(n):
        _, colour = random_colour(rng, (0.3, 1.0))
        a, b = rng.uniform(0, big, 2), rng.uniform(0, big, 2)
        if rng.uniform() < 0.5:
            draw.line([tuple(a), tuple(b)], fill=colour, width=int(rng.integers(2, 8)))
        else:
            corner = rng.uniform(0, big, 2)
            draw.rectangle([tuple(corner), tuple(corner + rng.uniform(0.05, 0.15, 2) * big)], fill=colour)


def render(shape, size, orientation, x, y, colour, background, clutter_seed, n_clutter, image_size, supersample=4):
    """One scene (3, S, S) uint8: background, clutter, then the shape on top."""
    s, big = supersample, image_size * supersample
    canvas = Image.new("RGB", (big, big), background)
    draw = ImageDraw.Draw(canvas)
    draw_clutter(draw, np.random.default_rng(clutter_seed), n_clutter, big)
    if shape == "circle":
        draw.ellipse([s * (x - size), s * (y - size), s * (x + size) - 1, s * (y + size) - 1], fill=colour)
    else:
        draw.polygon([tuple(p) for p in s * vertices(shape, size, orientation, x, y)], fill=colour)
    small = canvas.resize((image_size, image_size), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.uint8).transpose(2, 0, 1)


def generate(n_images, image_size=64, size_range=(0.15, 0.3), n_clutter=(2, 5), shapes=SHAPES,
             supersample=4, seed=0):
    """(uint8 images N x 3 x S x S, factors)."""
    if not 0 < size_range[0] <= size_range[1] < 0.5:
        raise ValueError(f"size_range must satisfy 0 < low <= high < 0.5 (a fraction of the image), got {size_range}")
    if not 0 <= n_clutter[0] <= n_clutter[1]:
        raise ValueError(f"n_clutter must be [low, high] with 0 <= low <= high, got {n_clutter}")
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        raise ValueError(f"unknown shapes {unknown}; expected some of {SHAPES}")
    rng = np.random.default_rng(seed)
    images = np.empty((n_images, 3, image_size, image_size), dtype=np.uint8)
    rows = []
    for i in range(n_images):
        shape = shapes[rng.integers(len(shapes))]
        size = rng.uniform(*size_range) * image_size
        period = 360 / SYMMETRY[shape] if SYMMETRY[shape] else 0.0
        orientation = rng.uniform() * period
        x, y = rng.uniform(size, image_size - size, 2)
        hue, colour = random_colour(rng)
        _, background = random_colour(rng, (0.0, 0.35))
        n = int(rng.integers(n_clutter[0], n_clutter[1] + 1))
        images[i] = render(shape, size, orientation, x, y, colour, background, rng.integers(2**31), n,
                           image_size, supersample)
        rows.append({"shape": SHAPES.index(shape), "size": size, "orientation": orientation, "x": x, "y": y,
                     "hue": hue, "n_clutter": n})
    return images, pd.DataFrame(rows).astype(np.float64)


def factor_kinds(factors):
    return ["categorical" if name == "shape" else "continuous" for name in factors.columns]
