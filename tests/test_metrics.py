import numpy as np
import pandas as pd
import pytest
from scipy.stats import spearmanr
from sklearn.metrics import r2_score

from shapeae import metrics, scores
from shapeae.experiments.disks import evaluation


def test_abs_spearman_ignores_sign_and_monotone_warps():
    r = np.linspace(0.5, 30, 40)
    assert metrics.abs_spearman(-np.exp(r / 10), r) == pytest.approx(1.0)
    rng = np.random.default_rng(0)
    z = rng.normal(size=40)
    assert metrics.abs_spearman(z, r) == pytest.approx(abs(spearmanr(z, r).statistic))


def test_ols_r2_by_hand():
    f = np.array([0.0, 1.0, 2.0, 3.0])
    z = np.array([1.0, 3.0, 2.0, 5.0])
    # least squares: slope Sxy/Sxx = 5.5/5 = 1.1, intercept 2.75 - 1.1 * 1.5 = 1.1
    fitted = 1.1 + 1.1 * f
    expected = 1 - np.sum((z - fitted) ** 2) / np.sum((z - z.mean()) ** 2)
    assert expected == pytest.approx(1 - 2.7 / 8.75)  # residual and total sums of squares
    assert metrics.ols_r2(z, f) == pytest.approx(expected)
    assert metrics.ols_r2(z, f) == pytest.approx(r2_score(z, fitted))


def test_ols_r2_agrees_with_scikit_learn_on_a_code_of_several_dimensions():
    from sklearn.linear_model import LinearRegression

    rng = np.random.default_rng(1)
    f = rng.uniform(0, 1, 50)
    z = np.column_stack([2 * f + rng.normal(0, 0.3, 50), rng.normal(size=50), np.full(50, 0.7)])  # last: constant
    fitted = LinearRegression().fit(f.reshape(-1, 1), z).predict(f.reshape(-1, 1))
    assert metrics.ols_r2(z, f) == pytest.approx(r2_score(z, fitted))


def test_ols_r2_of_a_constant_factor_is_zero_as_scikit_learns():
    z = np.array([1.0, 3.0, 2.0])
    assert metrics.ols_r2(z, np.full(3, 4.0)) == 0.0 == r2_score(z, np.full(3, z.mean()))


def test_binned_mse():
    errors = np.array([1.0, 2.0, 3.0, 10.0])
    values = np.array([1.0, 5.0, 12.0, 20.0])
    out = metrics.binned_mse(errors, values, [0, 11, 18, 32])
    assert out == [1.5, 3.0, 10.0]
    assert np.isnan(metrics.binned_mse(errors, values, [0, 11, 18, 19, 32])[2])


def test_disk_scores_prefer_area_when_code_is_area():
    radius = np.linspace(1, 30, 50)
    factors = pd.DataFrame({"radius": radius, "area": np.pi * radius**2})
    images = np.zeros((50, 1, 4, 4))
    recon = images + 0.1
    table = evaluation.disk_scores(images, recon, -factors[["area"]].to_numpy(), factors, [0, 11, 18, 32], 32.0)
    value = table.set_index(["probe", "target", "metric"])["value"]
    assert value["reconstruction", "image", "mse"] == pytest.approx(0.01)
    assert value["code", "radius", "abs_spearman"] == pytest.approx(1.0)
    assert value["ols", "area", "r2"] == pytest.approx(1.0)
    assert value["ols", "radius", "r2"] < 0.97


def test_summary_over_folds():
    table = pd.DataFrame({"experiment": "e", "variant": "v", "fold": [0, 1, 2], "probe": "p",
                          "target": "t", "metric": "m", "value": [1.0, 2.0, 4.0]})
    row = scores.summarise(table).iloc[0]
    assert row["mean"] == pytest.approx(7 / 3) and row["std"] == pytest.approx(np.std([1, 2, 4], ddof=1))
    assert row["n_folds"] == 3


def test_disk_scores_split_seen_and_unseen_radii():
    radius = np.array([5.0, 12.0, 15.0, 25.0])
    factors = pd.DataFrame({"radius": radius, "area": np.pi * radius**2})
    images = np.zeros((4, 1, 2, 2))
    recon = images + np.array([0.1, 0.3, 0.5, 0.2])[:, None, None, None]
    table = evaluation.disk_scores(images, recon, radius[:, None], factors, [0, 32], 32.0, {"radius": [[11, 18]]})
    value = table.set_index(["probe", "target", "metric"])["value"]
    assert value["reconstruction", "image_unseen", "mse"] == pytest.approx((0.09 + 0.25) / 2)
    assert value["reconstruction", "image_seen", "mse"] == pytest.approx((0.01 + 0.04) / 2)


def _disk(radius, size=64):
    t = np.hypot(*np.meshgrid(np.arange(size) - size / 2 + 0.5, np.arange(size) - size / 2 + 0.5))
    return (t <= radius).astype(float)[None]


def test_decoded_radius_is_the_area_above_half_intensity():
    images = np.stack([_disk(r) for r in (4.0, 10.0, 20.0)]) * 0.9
    assert evaluation.decoded_radius(images) == pytest.approx([4.0, 10.0, 20.0], abs=0.3)
    assert evaluation.decoded_radius(images * 0.5)[0] == 0.0  # nothing above half: no disk decoded
    assert evaluation.decoded_radius(np.ones((1, 1, 4, 4)))[0] == pytest.approx(np.sqrt(16 / np.pi))


def test_disk_scores_give_the_radius_error_in_and_outside_the_hole_and_the_validation_hole_mse():
    radius = np.array([5.0, 12.0, 15.0, 25.0])
    factors = pd.DataFrame({"radius": radius, "area": np.pi * radius**2})
    images = np.stack([_disk(r) for r in radius])
    decoded = np.stack([_disk(r) for r in (5.0, 8.0, 19.0, 25.0)])  # right outside, 4 px off inside
    val_factors = pd.DataFrame({"radius": [3.0, 12.0, 14.0], "area": 0.0})
    table = evaluation.disk_scores(images, decoded, radius[:, None], factors, [0, 32], 32.0, {"radius": [[11, 18]]},
                                   val_mse=np.array([0.1, 0.2, 0.4]), val_factors=val_factors)
    value = table.set_index(["probe", "target", "metric"])["value"]
    assert value["decoded_radius", "image_unseen", "mae"] == pytest.approx(4.0, abs=0.3)
    assert value["decoded_radius", "image_seen", "mae"] == pytest.approx(0.0, abs=0.3)
    assert value["input_radius", "image", "mae"] == pytest.approx(0.0, abs=0.3)
    assert value["reconstruction", "image_unseen", "val_mse"] == pytest.approx(0.3)
    assert value["reconstruction", "image_seen", "val_mse"] == pytest.approx(0.1)


def test_outside_excludes_half_open_ranges_and_names_unknown_factors():
    from shapeae import datasets

    factors = pd.DataFrame({"radius": [10.0, 11.0, 17.9, 18.0]})
    assert datasets.outside(factors, {"radius": [[11, 18]]}).tolist() == [True, False, False, True]
    assert datasets.outside(factors, {}).all()
    with pytest.raises(KeyError, match="'colour'"):
        datasets.outside(factors, {"colour": [[0, 1]]})


def test_largest_seen_radius_drops_an_excluded_tail_only():
    assert evaluation.largest_seen_radius(32.0, {"radius": [[18, 1000]]}) == 18
    assert evaluation.largest_seen_radius(32.0, {"radius": [[11, 18]]}) == 32.0
    assert evaluation.largest_seen_radius(32.0, {}) == 32.0


def test_decoder_rows_find_the_optimal_rank_one_decoder():
    from shapeae.experiments.disks import theory

    # images h(r) f(t) with f the optimum of eq. 7: rank one, and f matches the optimum
    rho, f = theory.optimal_profile(32.0)
    yy, xx = np.mgrid[:64, :64] - 31.5
    f_image = np.interp(np.hypot(xx, yy), rho, f, right=0.0)
    images = np.stack([h * f_image for h in np.linspace(0.1, 2.0, 20)])[:, None]
    rows = {metric: value for _, _, metric, value in evaluation.decoder_rows(images, 32.0)}
    assert rows["rank1_energy"] == pytest.approx(1.0)
    assert rows["optimum_pearson"] > 0.999
