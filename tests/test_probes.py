import numpy as np
import pytest
from sklearn.linear_model import Lasso, LinearRegression
from sklearn.metrics import r2_score
from sklearn.preprocessing import StandardScaler

from shapeae import probes


def data(seed=0, n=120, d=30):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, d))
    w = np.zeros((d, 2))
    w[:3] = rng.normal(size=(3, 2))
    y = x @ w + 0.3 * rng.normal(size=(n, 2))
    groups = np.arange(n) % 4
    return x, y, groups


def test_linear_probe_is_sklearns_least_squares():
    x, y, _ = data()
    np.testing.assert_allclose(probes.linear(x, y).predict(x), LinearRegression().fit(x, y).predict(x))


def test_lasso_probe_uses_alpha_beta_over_features_and_matches_sklearn():
    x, y, groups = data()
    search = probes.lasso(x, y, groups, betas=(0.5,))
    assert probes.chosen_beta(search) == pytest.approx(0.5)
    scaler = StandardScaler().fit(x)
    reference = Lasso(alpha=0.5 / 30).fit(scaler.transform(x), y)
    np.testing.assert_allclose(search.predict(x), reference.predict(scaler.transform(x)), rtol=1e-6)


def test_beta_is_chosen_on_the_training_data_only():
    x, y, groups = data()
    x_test, y_test, _ = data(seed=1)
    table = probes.regression_scores(x, y, groups, x_test, y_test)
    # the same beta whatever the test set, even a test set whose best beta would differ
    other = probes.regression_scores(x, y, groups, x_test, -y_test)
    beta = table.query("probe == 'lasso' and metric == 'beta'")["value"].item()
    assert beta == other.query("probe == 'lasso' and metric == 'beta'")["value"].item()
    # and it is the beta that leave-one-group-out CV on the training data picks
    scores = {}
    for b in probes.BECHBERGER_BETAS:
        fold_scores = []
        for g in range(4):
            fit = probes.lasso(x[groups != g], y[groups != g], groups[groups != g], betas=(b,))
            fold_scores.append(r2_score(y[groups == g], fit.predict(x[groups == g])))
        scores[b] = np.mean(fold_scores)
    assert beta == pytest.approx(max(scores, key=scores.get))


def test_scores_and_baselines_by_hand():
    x, y, groups = data()
    x_test, y_test, _ = data(seed=2)
    table = probes.regression_scores(x, y, groups, x_test, y_test).set_index(["probe", "metric"])["value"]
    assert table["zero", "r2"] == pytest.approx(r2_score(y_test, np.zeros_like(y_test)))
    mean = np.tile(y.mean(axis=0), (len(y_test), 1))
    assert table["mean", "r2"] == pytest.approx(r2_score(y_test, mean)) and table["mean", "r2"] < 0.05
    linear = LinearRegression().fit(x, y).predict(x_test)
    assert table["linear", "r2"] == pytest.approx(np.mean([r2_score(y_test[:, i], linear[:, i]) for i in range(2)]))
    assert table["lasso", "r2"] > table["linear", "r2"]  # 3 of 30 features matter: the lasso helps


def test_lasso_choice_and_fit_match_gridsearchcv():
    from sklearn.model_selection import GridSearchCV, LeaveOneGroupOut
    from sklearn.pipeline import make_pipeline

    x, y, groups = data(seed=3, n=160, d=40)
    betas = (0.01, 0.1, 0.5, 1, 2, 5)
    reference = GridSearchCV(make_pipeline(StandardScaler(), Lasso()),
                             {"lasso__alpha": [b / 40 for b in betas]}, scoring="r2",
                             cv=LeaveOneGroupOut()).fit(x, y, groups=groups)
    fitted = probes.lasso(x, y, groups, betas=betas)
    assert probes.chosen_beta(fitted) == pytest.approx(reference.best_params_["lasso__alpha"] * 40)
    np.testing.assert_allclose(fitted.predict(x), reference.predict(x), rtol=1e-5, atol=1e-8)
