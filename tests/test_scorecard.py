"""The scorecard's metrics (MIG, DCI) and its per-encoder table."""
import numpy as np
import pandas as pd
import pytest
from scipy.stats import special_ortho_group
from sklearn.metrics import mutual_info_score

from shapeae import disentanglement, probes, scorecard

SETTINGS = {"betas": [0.1, 1.0], "k": 3, "mlp": {"hosts": [[16]], "max_epochs": 200, "patience": 20, "batch_size": 32},
            "mig": {"bins": 20}, "dci": {"n_estimators": 30, "booster": "histogram", "max_features": "all", "max_train": 1000},
            "skip_factors": []}


def independent_factors(n=1000, k=3, seed=0):
    return np.random.default_rng(seed).uniform(-1, 1, size=(n, k))


# --- MIG ---------------------------------------------------------------------------------------

def test_discretise_bins_each_column_over_its_own_range_like_disentanglement_lib():
    values = np.array([[0.0, 10.0], [0.5, 10.0], [1.0, 30.0], [0.25, 20.0]])
    labels = disentanglement.discretise(values, bins=4)
    # np.digitize against np.histogram's left edges: [0, .25, .5, .75] and [10, 15, 20, 25]
    np.testing.assert_array_equal(labels, [[1, 1], [3, 1], [4, 4], [2, 3]])


def test_mutual_information_matches_sklearns_mutual_info_score():
    rng = np.random.default_rng(1)
    a, b = rng.integers(0, 4, 200), rng.integers(0, 3, 200)
    b[:100] = a[:100] % 3  # partly dependent
    assert disentanglement._mutual_information(a, b) == pytest.approx(mutual_info_score(a, b))


def test_mig_on_a_hand_made_case_matches_a_direct_computation():
    # two code dimensions, two categorical factors: dimension 0 is factor 0, dimension 1 is noise
    rng = np.random.default_rng(2)
    factors = np.stack([rng.integers(0, 2, 400), rng.integers(0, 3, 400)], axis=1)
    codes = np.stack([factors[:, 0] + 0.01 * rng.normal(size=400), rng.normal(size=400)], axis=1)
    score, gaps = disentanglement.mig(codes, factors, bins=20)
    binned = disentanglement.discretise(codes, 20)
    information = np.array([[mutual_info_score(f, c) for f in factors.T] for c in binned.T])
    entropy = np.array([mutual_info_score(f, f) for f in factors.T])
    expected = np.abs(information[0] - information[1]) / entropy
    np.testing.assert_allclose(gaps, expected)
    assert score == pytest.approx(expected.mean())
    assert gaps[0] > 0.9  # dimension 0 holds factor 0 whole


def test_mig_is_near_one_for_the_factors_themselves_and_clearly_lower_rotated():
    factors = independent_factors()
    labels = disentanglement.factor_labels(factors, ["continuous"] * 3)
    identity, _ = disentanglement.mig(factors, labels)
    rotated, _ = disentanglement.mig(factors @ special_ortho_group.rvs(3, random_state=3), labels)
    assert identity > 0.8  # finite-sample MI of independent binned factors keeps it just below 1
    assert rotated < identity - 0.4


def test_mig_of_a_constant_code_is_zero():
    labels = disentanglement.factor_labels(independent_factors(), ["continuous"] * 3)
    score, _ = disentanglement.mig(np.ones((1000, 4)), labels)
    assert score == 0.0


def test_mig_of_a_one_dimensional_code_is_its_normalised_information():
    factors = independent_factors(k=1)
    labels = disentanglement.factor_labels(factors, ["continuous"])
    score, _ = disentanglement.mig(factors, labels)
    assert score == pytest.approx(1.0)


# --- DCI ---------------------------------------------------------------------------------------

def dci_of(codes, factors, kinds=("continuous",) * 3):
    half = len(codes) // 2
    return disentanglement.dci(codes[:half], factors[:half], codes[half:], factors[half:], list(kinds),
                               n_estimators=30)[0]


def test_dci_is_near_one_for_the_factors_themselves_and_clearly_lower_rotated():
    factors = independent_factors()
    identity = dci_of(factors, factors)
    rotated = dci_of(factors @ special_ortho_group.rvs(3, random_state=4), factors)
    assert identity["disentanglement"] > 0.9 and identity["completeness"] > 0.9
    assert identity["informativeness"] > 0.9  # held-out R^2 of the regressors
    assert rotated["disentanglement"] < identity["disentanglement"] - 0.3


def test_dci_of_a_constant_code_is_zero():
    factors = independent_factors()
    scores = dci_of(np.ones((1000, 4)), factors)
    assert scores["disentanglement"] == pytest.approx(0.0, abs=1e-6)
    assert scores["completeness"] == pytest.approx(0.0, abs=1e-6)


def test_dci_weighting_follows_disentanglement_lib_on_a_hand_made_matrix():
    importances = np.array([[0.5, 0.0], [0.25, 0.25]])  # code 0 pure, code 1 split evenly
    # per code 1 - H_2: [1, 0]; code weights [0.5, 0.5]
    assert disentanglement.disentanglement(importances) == pytest.approx(0.5, abs=1e-6)
    # per factor 1 - H_2 of columns [2/3, 1/3] and [0, 1]; factor weights [0.75, 0.25]
    h = -(2 / 3 * np.log2(2 / 3) + 1 / 3 * np.log2(1 / 3))
    assert disentanglement.completeness(importances) == pytest.approx(0.75 * (1 - h) + 0.25, abs=1e-6)


def test_dci_uses_a_classifier_for_categorical_factors():
    rng = np.random.default_rng(5)
    labels = rng.integers(0, 3, 600)
    codes = np.stack([labels + 0.05 * rng.normal(size=600), rng.normal(size=600)], axis=1)
    _, informativeness = disentanglement.dci(codes[:400], labels[:400, None], codes[400:], labels[400:, None],
                                             ["categorical"], n_estimators=20)
    assert informativeness[0] == pytest.approx(1.0)  # accuracy
    assert np.isnan(disentanglement.disentanglement(np.ones((2, 1))))  # one factor: undefined


# --- the per-encoder table ---------------------------------------------------------------------

def encoder_case(n=400, seed=6):
    """Codes of a toy encoder: dims 0-1 hold size, dim 2 the shape class; folds 0-4 round-robin."""
    rng = np.random.default_rng(seed)
    factors = pd.DataFrame({"drawing": np.arange(n), "shape": rng.integers(0, 3, n),
                            "size": rng.uniform(1, 2, n), "target": np.where(np.arange(n) % 2, rng.normal(size=n), np.nan)})
    codes = np.stack([factors["size"], -factors["size"], factors["shape"], rng.normal(size=n)], axis=1)
    codes = (codes + 0.01 * rng.normal(size=codes.shape)).astype(np.float32)
    fold_of = np.arange(n) % 5
    test, rest = np.flatnonzero(fold_of == 0), np.flatnonzero(fold_of != 0)
    features = {"index": test, "codes": codes[test], "train_index": rest, "train_codes": codes[rest]}
    kinds = {"drawing": "categorical", "shape": "categorical", "size": "continuous", "target": "continuous"}
    return features, factors, kinds, fold_of


def test_scorecard_scores_every_factor_with_every_probe_and_baseline():
    features, factors, kinds, fold_of = encoder_case()
    table = scorecard.score(features, factors, kinds, fold_of, 0, {**SETTINGS, "skip_factors": ["drawing"]})
    probes_of = table.groupby("factor")["probe"].apply(set).to_dict()
    assert probes_of["shape"] >= {"linear", "lasso", "mlp", "knn", "majority", "mig", "dci"}
    assert probes_of["size"] >= {"linear", "lasso", "mlp", "mean", "mig", "dci"}
    assert "drawing" not in probes_of
    value = table.set_index(["factor", "probe", "metric"])["value"]
    assert value["size", "linear", "r2"] > 0.99 and value["size", "mean", "r2"] < 0.01
    assert value["shape", "knn", "accuracy"] > 0.95 and value["shape", "mlp", "accuracy"] > 0.95
    # one code dimension holds the class as a number: a least-squares classifier masks the middle one
    assert value["shape", "majority", "accuracy"] < value["shape", "linear", "accuracy"] < 0.95
    # MIG and DCI over the factors every item has: shape and size (target has NaN)
    assert set(table.query("probe == 'mig' and metric == 'gap'")["factor"]) == {"shape", "size"}
    assert {"mig", "disentanglement", "completeness", "informativeness"} <= set(table.query("factor == 'all'")["metric"])
    # the target is probed on the items that have it: noise, so R^2 near or below 0
    assert value["target", "linear", "r2"] < 0.2


def test_scorecard_rejects_an_unknown_skipped_factor_by_name():
    features, factors, kinds, fold_of = encoder_case()
    with pytest.raises(KeyError, match="'colour'"):
        scorecard.score(features, factors, kinds, fold_of, 0, {**SETTINGS, "skip_factors": ["colour"]})


def test_categorical_linear_probe_is_least_squares_on_one_hot_labels():
    from sklearn.linear_model import LinearRegression

    rng = np.random.default_rng(7)
    x = rng.normal(size=(300, 5))
    labels = np.argmax(x[:, :3], axis=1)
    predict = scorecard.one_hot_classifier(probes.linear, x, labels, None, 3)
    reference = LinearRegression().fit(x, np.eye(3)[labels]).predict(x).argmax(axis=1)
    np.testing.assert_array_equal(predict(x), reference)
    assert np.mean(reference == labels) > 0.8


def test_best_probe_takes_the_best_learned_probe_not_a_baseline():
    summary = pd.DataFrame({"experiment": "e", "variant": "v", "factor": "f", "metric": "r2",
                            "probe": ["linear", "lasso", "mlp", "mean"], "mean": [0.2, 0.5, 0.4, 0.9],
                            "std": 0.0, "n_folds": 1})
    best = scorecard.best_probe(summary)
    assert best[["probe", "mean"]].values.tolist() == [["lasso", 0.5]]


# --- DCI as disentanglement_lib fits it --------------------------------------------------------

def _dci_both(codes, factors, kinds):
    half = len(codes) // 2
    return [disentanglement.dci(codes[:half], factors[:half], codes[half:], factors[half:], kinds, booster=booster)[0]
            for booster in ("histogram", "sklearn")]


def reference_codes():
    """(name, codes, factors, kinds): ideal, rotated, noisy, categorical and a wide mixed code."""
    rng = np.random.default_rng(3)
    f = rng.uniform(0, 1, (1000, 3))
    c = rng.integers(0, 4, (1000, 2)).astype(float)
    mixed = np.c_[f[:, :2], c[:, :1]]
    continuous = ["continuous"] * 3
    return [("ideal with noise dimensions", np.c_[f, rng.normal(size=(1000, 5))], f, continuous),
            ("rotated", f @ special_ortho_group.rvs(3, random_state=4), f, continuous),
            ("noisy ideal", f + 0.1 * rng.normal(size=f.shape), f, continuous),
            ("categorical", np.c_[c + 0.1 * rng.normal(size=c.shape), rng.normal(size=(1000, 4))], c,
             ["categorical"] * 2),
            ("mixed, 64 dimensions", np.c_[mixed + 0.05 * rng.normal(size=mixed.shape), rng.normal(size=(1000, 61))],
             mixed, ["continuous"] * 2 + ["categorical"])]


@pytest.mark.parametrize("name, codes, factors, kinds", reference_codes(), ids=[case[0] for case in reference_codes()])
def test_histogram_booster_gives_scikit_learns_dci_within_0_02(name, codes, factors, kinds):
    histogram, exact = _dci_both(codes, factors, kinds)
    for metric in exact:
        assert histogram[metric] == pytest.approx(exact[metric], abs=0.02), metric


def test_dci_of_an_ideal_code_is_one_by_hand():
    """Each factor in one dimension of its own, the other dimensions noise: every importance of a
    factor sits in its dimension, so each code row and factor column has entropy 0 and D = C = 1;
    the ensembles predict each factor from its own copy, held-out R^2 ~ 1."""
    rng = np.random.default_rng(8)
    factors = rng.uniform(0, 1, (1000, 3))
    codes = np.c_[factors, rng.normal(size=(1000, 5))]
    scores = dci_of(codes, factors)
    assert scores["disentanglement"] == pytest.approx(1.0, abs=0.01)
    assert scores["completeness"] == pytest.approx(1.0, abs=0.01)
    assert scores["informativeness"] == pytest.approx(1.0, abs=0.01)


def test_sqrt_features_bias_disentanglement_downwards_more_for_wide_codes():
    """The bias the docstring states: an ideal code (each of d factors in a dimension of its own) has
    D = 1 with every dimension tried at each split; trying sqrt(d) of them makes splits on the wrong
    dimensions and spreads the importance, the more the wider the code."""
    rng = np.random.default_rng(9)
    drops = []
    for width in (8, 32):
        factors = rng.uniform(0, 1, (600, width))
        d = {mf: disentanglement.dci(factors[:400], factors[:400], factors[400:], factors[400:], ["continuous"] * width,
                                     n_estimators=30, max_features=mf, booster="sklearn")[0]["disentanglement"]
             for mf in ("all", "sqrt")}
        assert d["all"] == pytest.approx(1.0, abs=0.01)
        drops.append(d["all"] - d["sqrt"])
    assert 0.02 < drops[0] < drops[1]


def test_dci_names_a_categorical_factor_constant_in_training():
    codes = np.random.default_rng(1).normal(size=(200, 4))
    factors = np.c_[np.zeros(200), np.arange(200) % 3]
    with pytest.raises(ValueError, match=r"categorical factor 'colour' takes the one value 0.0 in all 100"):
        disentanglement.dci(codes[:100], factors[:100], codes[100:], factors[100:], ["categorical"] * 2,
                            names=["colour", "shape"])


def test_histogram_booster_refuses_a_feature_subset():
    codes = np.random.default_rng(1).normal(size=(100, 4))
    with pytest.raises(ValueError, match="max_features 'all'"):
        disentanglement.dci(codes[:50], codes[:50, :1], codes[50:], codes[50:, :1], ["continuous"], max_features="sqrt")
