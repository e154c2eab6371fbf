"""LunarLander stand-in (Pihlgren et al.'s LLv2 data): a lander over the moon's surface, label = where it is.

Each RGB scene mimics a LunarLander-v2 frame: black sky; a light-grey surface below a random
polyline with a flat helipad between two yellow flags; a purple lander (a trapezoid hull, two legs,
a grey window) at a continuous position; a few grey debris specks as distractors. Everything is
drawn with Pillow at `supersample` times the image size and box-filtered down, so the lander moves
in sub-pixel steps. The lander is small (about 1/8 of the side): most pixels are sky and surface,
which is what pixel-wise loss spends itself on.

Factors (continuous, pixels, pixel centres at i + 0.5): x and y, the centre of the lander's hull
(the label, compared in L1 like their table 1); helipad, the helipad's centre; surface, the
surface's mean height above the bottom edge.
"""
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw

SKY, SURFACE, FLAG, HULL, WINDOW = (0, 0, 0), (200, 200, 200), (230, 200, 0), (128, 102, 230), (90, 90, 90)
HULL_WIDTH, HULL_HEIGHT = 0.12, 0.07  # of the image side
SURFACE_RANGE = (0.12, 0.3)  # the surface's height above the bottom, fraction of the side


def surface_profile(image_size, helipad, rng, points=11):
    """(points, 2) vertices of the surface line, flat over the helipad (+- 1.5 hull widths)."""
    xs = np.linspace(0, image_size, points)
    heights = rng.uniform(*SURFACE_RANGE, size=points) * image_size
    pad = np.abs(xs - helipad) <= 1.5 * HULL_WIDTH * image_size
    heights[pad] = heights[pad].mean() if pad.any() else heights[pad]
    return np.c_[xs, image_size - heights]


def draw_lander(draw, x, y, size, s):
    """Hull centred at (x, y) (image pixels), legs below it, scaled by s (the supersampling)."""
    w, h = HULL_WIDTH * size / 2, HULL_HEIGHT * size / 2
    hull = [(x - w, y + h), (x + w, y + h), (x + 0.6 * w, y - h), (x - 0.6 * w, y - h)]
    draw.polygon([(s * a, s * b) for a, b in hull], fill=HULL)
    draw.ellipse([s * (x - 0.3 * w), s * (y - 0.5 * h), s * (x + 0.3 * w), s * (y + 0.3 * h)], fill=WINDOW)
    for side in (-1, 1):
        draw.line([(s * (x + side * 0.7 * w), s * (y + h)), (s * (x + side * 1.1 * w), s * (y + 2.2 * h))],
                  fill=HULL, width=max(1, s))


def render(x, y, helipad, surface, debris, image_size, supersample=4):
    """One scene (3, S, S) uint8."""
    s, big = supersample, image_size * supersample
    canvas = Image.new("RGB", (big, big), SKY)
    draw = ImageDraw.Draw(canvas)
    draw.polygon([(s * a, s * b) for a, b in surface] + [(big, big), (0, big)], fill=SURFACE)
    pad_y = surface[np.argmin(np.abs(surface[:, 0] - helipad)), 1]
    for side in (-1, 1):
        pole = helipad + side * 1.5 * HULL_WIDTH * image_size
        draw.line([(s * pole, s * pad_y), (s * pole, s * (pad_y - 0.08 * image_size))], fill=FLAG, width=max(1, s // 2))
        draw.polygon([(s * pole, s * (pad_y - 0.08 * image_size)), (s * (pole + 0.04 * image_size), s * (pad_y - 0.07 * image_size)),
                      (s * pole, s * (pad_y - 0.06 * image_size))], fill=FLAG)
    for dx, dy, grey in debris:
        draw.rectangle([s * dx, s * dy, s * (dx + 1) - 1, s * (dy + 1) - 1], fill=(int(grey),) * 3)
    draw_lander(draw, x, y, image_size, s)
    small = canvas.resize((image_size, image_size), Image.Resampling.BOX)
    return np.asarray(small, dtype=np.uint8).transpose(2, 0, 1)


def generate(n_images, image_size=64, n_debris=4, supersample=4, seed=0):
    """(uint8 images N x 3 x S x S, factors x, y, helipad, surface)."""
    if image_size < 32:
        raise ValueError(f"image_size must be at least 32 px for the lander to be drawn, got {image_size}")
    rng = np.random.default_rng(seed)
    images = np.empty((n_images, 3, image_size, image_size), dtype=np.uint8)
    rows = []
    margin = HULL_WIDTH * image_size
    for i in range(n_images):
        helipad = rng.uniform(0.3, 0.7) * image_size
        surface = surface_profile(image_size, helipad, rng)
        sky_bottom = surface[:, 1].min() - 2.5 * HULL_HEIGHT * image_size  # the legs clear the surface
        x = rng.uniform(margin, image_size - margin)
        y = rng.uniform(margin, sky_bottom)
        debris = np.c_[rng.uniform(0, image_size - 1, (n_debris, 2)), rng.uniform(60, 160, n_debris)]
        images[i] = render(x, y, helipad, surface, debris, image_size, supersample)
        rows.append({"x": x, "y": y, "helipad": helipad, "surface": image_size - surface[:, 1].mean()})
    return images, pd.DataFrame(rows).astype(np.float64)
