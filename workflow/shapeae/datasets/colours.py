"""Coloured shapes (the OSU report's data, section 4.1): one filled shape per image on black.

Each image holds one shape (circle, square, triangle, star) in one colour of a named palette, at a
size, orientation and position drawn uniformly. Shapes are drawn with Pillow at `supersample` times
the image size and box-filtered down, so an edge pixel holds the shape's colour times the fraction
of it the shape covers (anti-aliasing): image = coverage * colour. Every palette colour has a channel
at 255, so the coverage is the image's largest channel / 255 (what a recolouring reads back).

Factors: shape and colour (categorical, indices into SHAPES and PALETTE), size (circumradius, px),
orientation (degrees, within one symmetry period so that no two orientations draw the same shape;
0 for circles), x and y (the centre, px, in image coordinates with pixel centres at i + 0.5).
"""
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

SHAPES = ("circle", "square", "triangle", "star")
SYMMETRY = {"circle": 0, "square": 4, "triangle": 3, "star": 5}  # rotational order; 0: any angle
PALETTE = {  # name: RGB, each with a channel at 255
    "red": (255, 0, 0),
    "orange": (255, 128, 0),
    "yellow": (255, 255, 0),
    "green": (0, 255, 0),
    "cyan": (0, 255, 255),
    "blue": (0, 64, 255),
    "purple": (160, 0, 255),
    "magenta": (255, 0, 200),
}
COLOURS = tuple(PALETTE)
STAR_INNER = 0.45  # inner radius of the star's valleys, relative to its tips


def palette_array():
    """(n_colours, 3) float32 in [0, 1], in the order of COLOURS."""
    return np.array([PALETTE[name] for name in COLOURS], dtype=np.float32) / 255


def vertices(shape, size, orientation, x, y):
    """Polygon vertices (k, 2) of a shape with circumradius `size` centred at (x, y), rotated by
    `orientation` degrees (the first vertex points up at 0)."""
    corners = {"square": 4, "triangle": 3, "star": 10}[shape]
    angle = np.deg2rad(orientation) - np.pi / 2 + 2 * np.pi * np.arange(corners) / corners
    radius = np.full(corners, float(size))
    if shape == "star":
        radius[1::2] *= STAR_INNER
    return np.c_[x + radius * np.cos(angle), y + radius * np.sin(angle)]


def coverage(shape, size, orientation, x, y, image_size, supersample=4):
    """Fraction of every pixel the shape covers, (S, S) float32 in [0, 1]."""
    big = image_size * supersample
    canvas = Image.new("L", (big, big), 0)
    draw = ImageDraw.Draw(canvas)
    s = supersample
    # canvas pixel i spans [i, i + 1); an ellipse's box names its first and last pixel
    if shape == "circle":
        draw.ellipse([s * (x - size), s * (y - size), s * (x + size) - 1, s * (y + size) - 1], fill=255)
    else:
        draw.polygon([tuple(p) for p in s * vertices(shape, size, orientation, x, y)], fill=255)
    small = canvas.resize((image_size, image_size), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.float32) / 255


def sample_factors(n_images, image_size, size_range, shapes, rng):
    """The factor table: shape and colour uniform; size uniform in size_range * S; orientation
    uniform over one symmetry period; centre uniform where the whole shape fits."""
    shape = rng.integers(len(shapes), size=n_images)
    colour = rng.integers(len(COLOURS), size=n_images)
    size = rng.uniform(*np.multiply(size_range, image_size), size=n_images)
    period = np.array([360 / SYMMETRY[shapes[i]] if SYMMETRY[shapes[i]] else 0.0 for i in shape])
    orientation = rng.uniform(0, 1, size=n_images) * period
    x = rng.uniform(size, image_size - size)
    y = rng.uniform(size, image_size - size)
    return pd.DataFrame({"shape": [SHAPES.index(shapes[i]) for i in shape], "colour": colour, "size": size,
                         "orientation": orientation, "x": x, "y": y}).astype(np.float64)


def generate(n_images, image_size, size_range=(0.2, 0.4), shapes=SHAPES, supersample=4, seed=0):
    """(uint8 images N x 3 x S x S, factors)."""
    if not 0 < size_range[0] <= size_range[1] < 0.5:
        raise ValueError(f"size_range must satisfy 0 < low <= high < 0.5 (a fraction of the image), got {size_range}")
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        raise ValueError(f"unknown shapes {unknown}; expected some of {SHAPES}")
    rng = np.random.default_rng(seed)
    factors = sample_factors(n_images, image_size, size_range, list(shapes), rng)
    colours = palette_array()
    images = np.empty((n_images, 3, image_size, image_size), dtype=np.uint8)
    for i, item in enumerate(factors.itertuples()):
        alpha = coverage(SHAPES[int(item.shape)], item.size, item.orientation, item.x, item.y, image_size, supersample)
        images[i] = np.rint(255 * alpha[None] * colours[int(item.colour), :, None, None])
    return images, factors


def factor_kinds(factors):
    return ["categorical" if name in ("shape", "colour") else "continuous" for name in factors.columns]


def orientation_target(factors):
    """(N, 2) cos and sin of the orientation on its symmetry circle (k * angle for k-fold symmetry),
    the identifiable quantity; NaN for circles, which have none."""
    order = np.array([SYMMETRY[SHAPES[int(s)]] for s in factors["shape"]], dtype=np.float64)
    angle = np.deg2rad(factors["orientation"].to_numpy()) * order
    target = np.c_[np.cos(angle), np.sin(angle)]
    target[order == 0] = np.nan
    return target
