from pathlib import Path

import numpy as np
import pandas as pd
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


def base_space(seed, n_classes=12, n_base=5):
    classes = np.repeat(np.arange(n_classes), n_base)
    table = shapes.random_shapes(classes, np.random.default_rng(seed))
    outlines = [shapes.outline(shapes.lobes(int(r["class"])), *(r[p] for p in shapes.PARAMETERS))
                for _, r in table.iterrows()]
    return outlines, shapes.similarity_space(outlines, dims=4, seed=seed), classes


def test_mds_space_preserves_the_dissimilarities():
    outlines, space, _ = base_space(0, n_classes=4, n_base=5)
    d = shapes.dissimilarities(outlines)
    embedded = np.linalg.norm(space[:, None] - space[None], axis=2)
    upper = np.triu_indices(20, 1)
    assert np.corrcoef(d[upper], embedded[upper])[0, 1] > 0.9


def test_space_is_centred_with_unit_mean_squared_distance_to_its_centroid():
    _, space, _ = base_space(1)
    np.testing.assert_allclose(space.mean(axis=0), 0, atol=1e-12)
    assert np.mean((space**2).sum(axis=1)) == pytest.approx(1.0)
    raw = np.random.default_rng(0).normal(3.0, 0.2, size=(60, 4))  # any space: same shape, scaled
    scaled = shapes.normalised(raw)
    assert np.mean((scaled**2).sum(axis=1)) == pytest.approx(1.0)
    np.testing.assert_allclose(np.corrcoef(scaled.ravel(), (raw - raw.mean(0)).ravel())[0, 1], 1.0)


def test_between_class_share_by_hand():
    space = np.array([[0.0, 0], [2, 0], [10, 0], [12, 0]])  # class means 1 and 11 about the centroid 6
    # between: 2 * 25 + 2 * 25 = 100; total: 36 + 16 + 16 + 36 = 104
    assert shapes.between_class_share(space, [0, 0, 1, 1]) == pytest.approx(100 / 104)


def test_published_space_is_normalised_and_its_categories_explain_77_percent():
    published = pd.read_csv(Path(__file__).parents[1] / "resources/bechberger/shape_space_4d.csv")
    space = published.filter(like="dim_").to_numpy()
    assert len(published) == 60 and published["category"].value_counts().eq(5).all()  # 12 categories x 5
    assert np.mean(((space - space.mean(0)) ** 2).sum(axis=1)) == pytest.approx(1.0, abs=1e-9)
    share = shapes.between_class_share(space, published["category"])
    assert share == pytest.approx(shapes.PUBLISHED_BETWEEN_CLASS_SHARE, abs=5e-4)


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 20241])
def test_stand_in_space_is_calibrated_to_his_between_class_share(seed):
    _, space, classes = base_space(seed)
    assert 0.6 <= shapes.between_class_share(space, classes) <= 0.9


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
    images, factors, metadata = shapes.generate(n_base=4, n_classes=3, augmentations=4, probe_augmentations=2,
                                                n_unlabelled=12, image_size=56, size_min=0.75, space_dims=4,
                                                line_width=2, seed=5)
    assert images.shape == (12 * 6 + 12, 56, 56) and images.dtype == np.uint8
    assert list(factors.columns) == ["drawing", "labelled", "probe_only", "class", *shapes.PARAMETERS, "size", "x",
                                     "y", "space_1", "space_2", "space_3", "space_4"]
    labelled = factors[factors["labelled"] == 1]
    assert len(labelled) == 72 and labelled["drawing"].nunique() == 12
    assert labelled.groupby("drawing")[["space_1", "depth"]].nunique().max().max() == 1  # one shape, one target
    assert (labelled.groupby("drawing")["probe_only"].sum() == 2).all()  # 4 to train on, 2 for the probes
    assert factors.loc[factors["labelled"] == 0, "probe_only"].eq(0).all()
    assert factors.loc[factors["labelled"] == 0, "space_1"].isna().all()
    assert set(factors.loc[factors["labelled"] == 0, "drawing"]).isdisjoint(set(labelled["drawing"]))
    # n_base of each class, and the unlabelled drawings from the same classes, balanced
    assert labelled.groupby("class")["drawing"].nunique().eq(4).all()
    assert factors.loc[factors["labelled"] == 0, "class"].value_counts().eq(4).all()
    space = labelled.groupby("drawing")[["space_1", "space_2", "space_3", "space_4"]].first().to_numpy()
    assert metadata["mean_squared_distance_to_centroid"] == pytest.approx(np.mean((space**2).sum(axis=1)))
    classes = labelled.groupby("drawing")["class"].first().to_numpy()
    assert metadata["between_class_share"] == pytest.approx(shapes.between_class_share(space, classes))
    again, _, _ = shapes.generate(4, 3, 4, 2, 12, 56, 0.75, 4, 2, seed=5)
    assert np.array_equal(images, again)
    assert shapes.factor_kinds(factors)[:4] == ["categorical"] * 4


def test_classes_are_families_the_same_for_labelled_and_unlabelled_drawings():
    table = shapes.random_shapes(np.repeat(np.arange(12), 50), np.random.default_rng(0))
    for c, rows in table.groupby("class"):
        prototype = shapes.STYLES[c % 3]
        for name in shapes.PARAMETERS:  # every drawing within its class's band about the prototype
            assert (abs(rows[name] - prototype[name]) <= shapes.WITHIN_CLASS[name] + 1e-12).all()
    assert [shapes.lobes(c) for c in range(12)] == [3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6]
    with pytest.raises(ValueError, match="n_classes must be"):
        shapes.generate(1, 19, 1, 0, 0, 56, 0.75, 4, 2, seed=0)
