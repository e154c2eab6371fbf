"""Line drawings with a 4-D shape similarity space: the stand-in for Bechberger's data (parts 8-9).

His data (60 line drawings with a similarity space from human ratings, plus Sketchy / TU Berlin
sketches) is not public here. We draw closed outlines from a parametric family instead:

    r(t) = 1 + depth * cos(k t)                  k lobes: the shape class (k = 3, 4, ...)
    outline = (1 - straightness) * smooth curve + straightness * the polygon through its
              2k lobe tips and valleys           straight lines vs curves (his LINES)
    x *= 1 + elongation, y *= 1 - elongation    elongated vs compact (his FORM, with depth)
    rotated by orientation                       (his ORIENTATION)

The base shapes' target space is metric MDS (scikit-learn) of a dissimilarity that depends on the
shape only: each outline is centred on its centroid and scaled to unit mean radius, its radius is
read at fixed angles, and the dissimilarity of two shapes is the RMS difference of those radial
profiles. Images follow his `prepare_Shapes_data.py`: the drawing is cropped to its bounding box,
its longer side rescaled to a random size in [size_min * S, S], placed at a random position, and
padded white. Black lines (0) on white (255).
"""
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw
from sklearn.manifold import MDS

PARAMETERS = ("depth", "straightness", "elongation", "orientation")
RANGES = {"depth": (0.08, 0.4), "straightness": (0.0, 1.0), "elongation": (0.0, 0.35), "orientation": (0.0, np.pi)}
OUTLINE_POINTS = 720
PROFILE_ANGLES = 90
FOLD_GROUP = "drawing"  # every image of one drawing goes to one fold (the folds rule reads it)


def outline(lobes, depth, straightness, elongation, orientation, n_points=OUTLINE_POINTS):
    """(n_points, 2) points of one closed outline, centred near the origin, mean radius ~1."""
    t = np.linspace(0, 2 * np.pi, n_points, endpoint=False)
    smooth = 1 + depth * np.cos(lobes * t)
    # the polygon through the 2k extremes of r(t), sampled at the same angles
    corners = np.arange(2 * lobes) * np.pi / lobes
    corner_xy = (1 + depth * np.cos(lobes * corners))[:, None] * np.c_[np.cos(corners), np.sin(corners)]
    side = np.minimum((t // (np.pi / lobes)).astype(int), 2 * lobes - 1)
    a, b = corner_xy[side], corner_xy[(side + 1) % (2 * lobes)]
    # where the ray at angle t crosses the polygon side a-b
    direction = np.c_[np.cos(t), np.sin(t)]
    edge = b - a
    cross = direction[:, 0] * edge[:, 1] - direction[:, 1] * edge[:, 0]
    polygon = (a[:, 0] * edge[:, 1] - a[:, 1] * edge[:, 0]) / cross
    radius = (1 - straightness) * smooth + straightness * polygon
    xy = radius[:, None] * direction * [1 + elongation, 1 - elongation]
    c, s = np.cos(orientation), np.sin(orientation)
    return xy @ np.array([[c, s], [-s, c]])


def radial_profile(points, n_angles=PROFILE_ANGLES):
    """Radius of a star-shaped closed outline at n fixed angles about its centroid, divided by its
    mean: the same for any translated or scaled copy of the outline."""
    centred = points - points.mean(axis=0)
    angle = np.arctan2(centred[:, 1], centred[:, 0])
    radius = np.hypot(centred[:, 0], centred[:, 1])
    order = np.argsort(angle)
    grid = np.linspace(-np.pi, np.pi, n_angles, endpoint=False)
    profile = np.interp(grid, angle[order], radius[order], period=2 * np.pi)
    return profile / profile.mean()


def dissimilarities(outlines):
    """(K, K) RMS distance between the radial profiles of K outlines."""
    profiles = np.stack([radial_profile(points) for points in outlines])
    return np.sqrt(((profiles[:, None] - profiles[None]) ** 2).mean(axis=2))


def similarity_space(outlines, dims, seed):
    """Metric MDS of the outlines' dissimilarities: (K, dims) coordinates."""
    mds = MDS(n_components=dims, metric="precomputed", metric_mds=True, init="classical_mds",
              n_init=1, max_iter=1000, random_state=seed)
    return mds.fit_transform(dissimilarities(outlines))


def draw(points, canvas, line_width):
    """Render a closed outline (black on white) onto a square canvas, uncropped."""
    span = points.max(axis=0) - points.min(axis=0)
    scale = 0.9 * canvas / span.max()
    xy = (points - points.min(axis=0)) * scale + (canvas - span * scale) / 2
    image = Image.new("L", (canvas, canvas), 255)
    ImageDraw.Draw(image).line([tuple(p) for p in np.vstack([xy, xy[:1]])], fill=0, width=line_width,
                               joint="curve")
    return image


def augment(drawing, image_size, size_min, rng):
    """His preprocessing: crop to the bounding box, longer side to a random size in
    [size_min * S, S], random translation, white padding. Returns (uint8 image, size, x, y) with the
    longer side and the box centre as fractions of S."""
    box = Image.eval(drawing, lambda v: 255 - v).getbbox()
    cropped = drawing.crop(box)
    longer = max(cropped.size)
    size = int(rng.integers(int(np.ceil(size_min * image_size)), image_size + 1))
    width = max(1, round(cropped.size[0] * size / longer))
    height = max(1, round(cropped.size[1] * size / longer))
    resized = cropped.resize((width, height), Image.Resampling.LANCZOS)
    left = int(rng.integers(0, image_size - width + 1))
    top = int(rng.integers(0, image_size - height + 1))
    image = Image.new("L", (image_size, image_size), 255)
    image.paste(resized, (left, top))
    centre_x, centre_y = (left + width / 2) / image_size, (top + height / 2) / image_size
    return np.asarray(image, dtype=np.uint8), size / image_size, centre_x, centre_y


def random_shapes(n, n_classes, rng):
    """Parameters of n random drawings: class (k = class + 3 lobes) and the continuous parameters."""
    table = pd.DataFrame({"class": rng.integers(0, n_classes, n)})
    for name in PARAMETERS:
        table[name] = rng.uniform(*RANGES[name], n)
    return table


def generate(n_base, n_classes, augmentations, n_unlabelled, image_size, size_min, space_dims, line_width, seed):
    """Images (uint8, N x S x S) and their factor table.

    Rows: `augmentations` images of each of the n_base labelled base shapes (labelled = 1, with the
    target coordinates space_1..space_<dims>), then one image of each of n_unlabelled other drawings
    (labelled = 0, targets NaN). `drawing` identifies the drawing an image shows (folds group by it).
    Drawings are rendered on a 2S canvas with lines 2 * line_width wide: line_width px at full size.
    """
    rng = np.random.default_rng(seed)
    shapes = random_shapes(n_base + n_unlabelled, n_classes, rng)
    outlines = [outline(int(row["class"]) + 3, *(row[p] for p in PARAMETERS)) for _, row in shapes.iterrows()]
    space = similarity_space(outlines[:n_base], space_dims, seed)
    canvas = 2 * image_size
    drawing_ids = np.r_[np.repeat(np.arange(n_base), augmentations), np.arange(n_base, n_base + n_unlabelled)]
    images, placement = [], []
    rendered = {}
    for d in drawing_ids:
        if d not in rendered:
            rendered = {d: draw(outlines[d], canvas, 2 * line_width)}  # rows of one drawing are adjacent
        image, size, x, y = augment(rendered[d], image_size, size_min, rng)
        images.append(image)
        placement.append((size, x, y))
    factors = shapes.iloc[drawing_ids].reset_index(drop=True)
    factors.insert(0, "drawing", drawing_ids)
    factors.insert(1, "labelled", (drawing_ids < n_base).astype(int))
    factors[["size", "x", "y"]] = placement
    for dim in range(space_dims):
        factors[f"space_{dim + 1}"] = np.where(drawing_ids < n_base, space[np.minimum(drawing_ids, n_base - 1), dim],
                                               np.nan)
    return np.stack(images), factors


KINDS = {"drawing": "categorical", "labelled": "categorical", "class": "categorical"}


def factor_kinds(factors):
    """Kind of every factor: categorical for drawing, labelled and class, continuous otherwise."""
    return [KINDS.get(name, "continuous") for name in factors.columns]
