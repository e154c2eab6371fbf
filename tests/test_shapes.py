import numpy as np
import pytest
from PIL import Image

from shapeae.datasets import shapes


def test_outline_is_closed_and_star_shaped_about_its_centroid():
    points = shapes.outline(5, depth=0.3, straightness=0.5, elongation=0.2, orientation=0.7)
    steps = np.linalg.norm(np.diff(np.vstack([points, points[:1]]), axis=0), axis=1)
    assert steps.max() < 5 * np.median(steps)  # the last point joins the first like any other
    centred = points - points.mean(axis=0)
    angle = np.unwrap(np.arctan2(centred[:, 1], centred[:, 0]))
    assert np.all(np.diff(angle) > 0) and angle[-1] - angle[0] == pytest.approx(2 * np.pi, abs=0.02)


def test_fully_straight_outline_has_straight_sides():
    points = shapes.outline(3, depth=0.3, straightness=1.0, elongation=0.0, orientation=0.0, n_points=600)
    side = points[10:90]  # inside the first side of the 6-gon (corners every 100 points)
    direction = side[-1] - side[0]
    normal = np.array([-direction[1], direction[0]]) / np.linalg.norm(direction)
    assert np.abs((side - side[0]) @ normal).max() < 1e-9


def test_drawn_outline_is_a_closed_line_on_white():
    image = np.asarray(shapes.draw(shapes.outline(4, 0.2, 0.0, 0.1, 0.3), 112, 2))
    assert set(np.unique(image)) <= set(range(256)) and image[0, 0] == 255
    ink = image < 128
    assert 0.01 < ink.mean() < 0.2
    from scipy import ndimage

    background, n_regions = ndimage.label(~ink)
    assert n_regions == 2  # outside and inside: the line closes


def test_dissimilarity_ignores_size_and_position():
    outlines = [shapes.outline(k, d, s, e, o) for k, d, s, e, o in
                [(3, 0.1, 0.0, 0.3, 0.2), (5, 0.3, 1.0, 0.0, 1.0), (4, 0.2, 0.5, 0.1, 2.0), (6, 0.4, 0.2, 0.2, 0.5)]]
    moved = [p * scale + shift for p, scale, shift in zip(outlines, [0.5, 3.0, 1.7, 10.0], [[4, -2], [0, 9], [-5, 5], [1, 1]])]
    np.testing.assert_allclose(shapes.dissimilarities(moved), shapes.dissimilarities(outlines), atol=1e-12)
    space = shapes.similarity_space(outlines, dims=2, seed=0)
    np.testing.assert_allclose(shapes.similarity_space(moved, dims=2, seed=0), space, atol=1e-9)
    assert shapes.dissimilarities(outlines)[0, 1] > 0.05  # different shapes are far apart


def test_mds_space_preserves_the_dissimilarities():
    rng = np.random.default_rng(0)
    table = shapes.random_shapes(20, 4, rng)
    outlines = [shapes.outline(int(r["class"]) + 3, *(r[p] for p in shapes.PARAMETERS)) for _, r in table.iterrows()]
    space = shapes.similarity_space(outlines, dims=4, seed=0)
    d = shapes.dissimilarities(outlines)
    embedded = np.linalg.norm(space[:, None] - space[None], axis=2)
    upper = np.triu_indices(20, 1)
    assert np.corrcoef(d[upper], embedded[upper])[0, 1] > 0.9


def test_augmentation_crops_rescales_and_places_inside_the_image():
    rng = np.random.default_rng(1)
    drawing = shapes.draw(shapes.outline(4, 0.2, 0.5, 0.3, 0.0), 112, 2)
    for _ in range(20):
        image, size, x, y = shapes.augment(drawing, 56, 0.75, rng)
        rows, cols = np.nonzero(image < 200)
        extent = max(rows.max() - rows.min(), cols.max() - cols.min()) + 1
        assert 0.75 <= size <= 1 and abs(extent - size * 56) <= 2
        assert abs((cols.min() + cols.max() + 1) / 2 / 56 - x) < 0.03
        assert abs((rows.min() + rows.max() + 1) / 2 / 56 - y) < 0.03


def test_generator_records_every_factor_and_keeps_unlabelled_drawings_apart():
    images, factors = shapes.generate(n_base=12, n_classes=3, augmentations=4, n_unlabelled=10, image_size=56,
                                      size_min=0.75, space_dims=4, line_width=2, seed=5)
    assert images.shape == (58, 56, 56) and images.dtype == np.uint8
    assert list(factors.columns) == ["drawing", "labelled", "class", *shapes.PARAMETERS, "size", "x", "y",
                                     "space_1", "space_2", "space_3", "space_4"]
    labelled = factors[factors["labelled"] == 1]
    assert len(labelled) == 48 and labelled["drawing"].nunique() == 12
    assert labelled.groupby("drawing")[["space_1", "depth"]].nunique().max().max() == 1  # one shape, one target
    assert factors.loc[factors["labelled"] == 0, "space_1"].isna().all()
    assert set(factors.loc[factors["labelled"] == 0, "drawing"]) .isdisjoint(set(labelled["drawing"]))
    assert factors["class"].between(0, 2).all()
    again, _ = shapes.generate(12, 3, 4, 10, 56, 0.75, 4, 2, seed=5)
    assert np.array_equal(images, again)
    assert shapes.factor_kinds(factors)[:3] == ["categorical"] * 3
