"""Line drawings with a 4-D shape similarity space: the stand-in for Bechberger's data (parts 8-9).

His data (60 line drawings of 12 categories with a similarity space from human ratings, plus
Sketchy / TU Berlin sketches) is not public here. We draw closed outlines from a parametric family:

    r(t) = 1 + depth * cos(k t)                  k lobes
    outline = (1 - straightness) * smooth curve + straightness * the polygon through its
              2k lobe tips and valleys           straight lines vs curves (his LINES)
    x *= 1 + elongation, y *= 1 - elongation    elongated vs compact (his FORM, with depth)
    rotated by orientation                       (his ORIENTATION)

A class is a shape family: a lobe count (3, 4, 5, ...) and a style (round, angular, elongated)
fix its prototype; its drawings vary around the prototype's depth, straightness, elongation and
orientation (WITHIN_CLASS). Calibrated to his published space (resources/bechberger/), where the 12
categories explain 77 % of the variance: with 12 classes the between-class share of the generated
space is 0.68-0.85 over seeds (mean 0.77) (`between_class_share`, stored in the dataset's metadata). The base
shapes are n_base of each class; the unlabelled drawings (his other sketches: what the classifier
learns from) come from the same families.

The base shapes' target space is metric MDS (scikit-learn) of a dissimilarity that depends on the
shape only: each outline is centred on its centroid and scaled to unit mean radius, its radius is
read at fixed angles, and the dissimilarity of two shapes is the RMS difference of those radial
profiles. The space is then centred and scaled to a mean squared distance to the centroid of 1, as
his spaces are. Images follow his `prepare_Shapes_data.py`: the drawing is cropped to its bounding
box, its longer side rescaled to a random size in [size_min * S, S], placed at a random position, and
padded white. Black lines (0) on white (255).
"""
import numpy as np
import pandas as pd
from PIL import Image, ImageDraw
from sklearn.manifold import MDS

PARAMETERS = ("depth", "straightness", "elongation", "orientation")
# A class's prototype: its lobe count (3 + class // 3) and one of three styles (class % 3).
STYLES = ({"depth": 0.25, "straightness": 0.1, "elongation": 0.05, "orientation": 0.0},   # round
          {"depth": 0.25, "straightness": 0.9, "elongation": 0.05, "orientation": 0.0},   # angular
          {"depth": 0.15, "straightness": 0.5, "elongation": 0.3, "orientation": 0.0})    # elongated
MAX_CLASSES = 18  # lobe counts 3-8
# Drawings of a class vary uniformly within +- these of its prototype (then clipped to LIMITS): the
# widths that give a between-class share near his 0.77 (mean 0.77, 0.68-0.85 over 40 seeds; tests/test_shapes.py).
WITHIN_CLASS = {"depth": 0.1, "straightness": 0.3, "elongation": 0.08, "orientation": np.deg2rad(13)}
LIMITS = {"depth": (0.05, 0.45), "straightness": (0.0, 1.0), "elongation": (0.0, 0.4), "orientation": (-np.pi, np.pi)}
OUTLINE_POINTS = 720
PROFILE_ANGLES = 90
FOLD_GROUP = "drawing"  # every image of one drawing goes to one fold (the folds rule reads it)
FOLD_STRATA = ("labelled", "class")  # and every fold gets its share of labelled drawings and of each class


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
    """Metric MDS of the outlines' dissimilarities: (K, dims) coordinates, centred and scaled to a
    mean squared distance to the centroid of 1 (normalised)."""
    mds = MDS(n_components=dims, metric="precomputed", metric_mds=True, init="classical_mds",
              n_init=1, max_iter=1000, random_state=seed)
    return normalised(mds.fit_transform(dissimilarities(outlines)))


def normalised(space):
    """Centred on its centroid and scaled so the mean squared distance to it is 1 (his spaces)."""
    centred = space - space.mean(axis=0)
    return centred / np.sqrt((centred**2).sum(axis=1).mean())


def between_class_share(space, classes):
    """The share of the space's variance that the classes explain: the between-class sum of squares
    over the total (his 60 shapes' 12 categories: 0.77)."""
    centred = np.asarray(space, dtype=np.float64) - np.mean(space, axis=0)
    classes = np.asarray(classes)
    between = sum((classes == c).sum() * (centred[classes == c].mean(axis=0) ** 2).sum() for c in np.unique(classes))
    return float(between / (centred**2).sum())


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


def lobes(shape_class):
    return 3 + shape_class // len(STYLES)


def random_shapes(classes, rng):
    """Parameters of one drawing of each class in `classes`: its prototype (STYLES) varied uniformly
    within WITHIN_CLASS, clipped to LIMITS."""
    table = pd.DataFrame({"class": np.asarray(classes, dtype=int)})
    prototype = pd.DataFrame([STYLES[c % len(STYLES)] for c in table["class"]])
    for name in PARAMETERS:
        varied = prototype[name].to_numpy() + rng.uniform(-1, 1, len(table)) * WITHIN_CLASS[name]
        table[name] = np.clip(varied, *LIMITS[name])
    return table


def generate(n_base, n_classes, augmentations, probe_augmentations, n_unlabelled, image_size, size_min, space_dims,
             line_width, seed):
    """Images (uint8, N x S x S), their factor table and the dataset's metadata.

    Rows: for each of the n_base x n_classes labelled base shapes (labelled = 1, with the target
    coordinates space_1..space_<dims>), `augmentations` images the models train on and then
    `probe_augmentations` more (probe_only = 1) that no model trains on and the probes read; then
    one image of each of n_unlabelled other drawings of the same classes (labelled = 0, targets NaN).
    `drawing` identifies the drawing an image shows (folds group by it). Drawings are rendered on a
    2S canvas with lines 2 * line_width wide: line_width px at full size. Metadata: the
    between-class share of the space's variance and its mean squared distance to the centroid.
    """
    if not 1 <= n_classes <= MAX_CLASSES:
        raise ValueError(f"n_classes must be 1-{MAX_CLASSES} (lobe counts 3-8 x {len(STYLES)} styles), got {n_classes}")
    rng = np.random.default_rng(seed)
    n_labelled = n_base * n_classes
    classes = np.r_[np.repeat(np.arange(n_classes), n_base), rng.permutation(np.arange(n_unlabelled) % n_classes)]
    shapes = random_shapes(classes, rng)
    outlines = [outline(lobes(int(row["class"])), *(row[p] for p in PARAMETERS)) for _, row in shapes.iterrows()]
    space = similarity_space(outlines[:n_labelled], space_dims, seed)
    per_shape = augmentations + probe_augmentations
    drawing_ids = np.r_[np.repeat(np.arange(n_labelled), per_shape), np.arange(n_labelled, n_labelled + n_unlabelled)]
    probe_only = np.r_[np.tile(np.arange(per_shape) >= augmentations, n_labelled), np.zeros(n_unlabelled, bool)]
    images, placement = render(outlines, drawing_ids, image_size, size_min, line_width, rng)
    factors = shapes.iloc[drawing_ids].reset_index(drop=True)
    factors.insert(0, "drawing", drawing_ids)
    factors.insert(1, "labelled", (drawing_ids < n_labelled).astype(int))
    factors.insert(2, "probe_only", probe_only.astype(int))
    factors[["size", "x", "y"]] = placement
    labelled = drawing_ids < n_labelled
    for dim in range(space_dims):
        factors[f"space_{dim + 1}"] = np.where(labelled, space[np.minimum(drawing_ids, n_labelled - 1), dim], np.nan)
    metadata = {"between_class_share": between_class_share(space, classes[:n_labelled]),
                "mean_squared_distance_to_centroid": float((space**2).sum(axis=1).mean()),
                "published_between_class_share": PUBLISHED_BETWEEN_CLASS_SHARE}
    return np.stack(images), factors, metadata


def render(outlines, drawing_ids, image_size, size_min, line_width, rng):
    """One augmented image per row of `drawing_ids` (rows of one drawing adjacent): images and
    (size, x, y) of each."""
    images, placement, rendered = [], [], {}
    for d in drawing_ids:
        if d not in rendered:
            rendered = {d: draw(outlines[d], 2 * image_size, 2 * line_width)}
        image, size, x, y = augment(rendered[d], image_size, size_min, rng)
        images.append(image)
        placement.append((size, x, y))
    return images, placement


# between_class_share of his published space (resources/bechberger/shape_space_4d.csv; a test recomputes it)
PUBLISHED_BETWEEN_CLASS_SHARE = 0.767
KINDS = {"drawing": "categorical", "labelled": "categorical", "probe_only": "categorical", "class": "categorical"}


def factor_kinds(factors):
    """Kind of every factor: categorical for drawing, labelled, probe_only and class, continuous
    otherwise."""
    return [KINDS.get(name, "continuous") for name in factors.columns]
