"""Probes: how much of a known factor a representation holds, read out by scikit-learn estimators
fitted on the training folds' codes and scored on the held-out fold.

- `linear`: LinearRegression.
- `lasso`: StandardScaler + Lasso over a beta grid with alpha = beta / n_features (Bechberger's
  parametrisation), beta chosen by cross-validation over the training items' own folds (the test
  fold never enters the fit or the choice).
- baselines `zero` (always predicts the origin) and `mean` (always predicts the training mean).
- `knn`: KNeighborsClassifier (k from the config, Euclidean) for a categorical factor, next to the
  `majority` baseline (always the most frequent training class).
R^2 is `sklearn.metrics.r2_score` with the uniform average over target dimensions.
"""
import numpy as np
import pandas as pd
from sklearn.linear_model import Lasso, LinearRegression, lasso_path
from sklearn.metrics import accuracy_score, r2_score
from sklearn.model_selection import LeaveOneGroupOut
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

BECHBERGER_BETAS = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)


def linear(x, y, groups=None):
    return LinearRegression().fit(x, y)


def lasso(x, y, groups, betas=BECHBERGER_BETAS, max_iter=1000):
    """StandardScaler + Lasso with alpha = beta / n_features, beta by leave-one-group-out CV on
    (x, y) alone (`groups` are the training items' folds), then refitted on all of (x, y).

    The choice is GridSearchCV's (mean R^2 over the held-out groups, uniform over targets, ties to
    the first beta; scikit-learn's default max_iter), but each fold fits the whole beta grid as one
    warm-started `lasso_path` on a precomputed Gram matrix: the same fits, several times faster."""
    alphas = np.asarray(betas, dtype=np.float64) / x.shape[1]
    y = np.asarray(y, dtype=np.float64).reshape(len(y), -1)
    strong_to_weak = np.argsort(-alphas, kind="stable")
    scores = np.zeros(len(alphas))
    splits = list(LeaveOneGroupOut().split(x, y, groups))
    for train, held_out in splits:
        scaler = StandardScaler().fit(x[train])
        x_train, x_held_out = scaler.transform(x[train]), scaler.transform(x[held_out])
        gram = x_train.T @ x_train
        offset = y[train].mean(axis=0)
        for j in range(y.shape[1]):
            _, coefs, _ = lasso_path(x_train, y[train, j] - offset[j], alphas=alphas[strong_to_weak],
                                     precompute=gram, max_iter=max_iter)
            predictions = x_held_out @ coefs + offset[j]
            scores[strong_to_weak] += [r2_score(y[held_out, j], p) for p in predictions.T]
    best = alphas[np.argmax(scores)]
    return make_pipeline(StandardScaler(), Lasso(alpha=best, max_iter=max_iter, precompute=True)).fit(x, y.squeeze())


def chosen_beta(model):
    lasso_step = model.named_steps["lasso"]
    return lasso_step.alpha * lasso_step.n_features_in_


def r2(y_true, y_pred):
    return r2_score(y_true, y_pred, multioutput="uniform_average")


def regression_scores(train_x, train_y, train_groups, test_x, test_y, betas=BECHBERGER_BETAS):
    """Tidy rows (probe, metric, value): held-out R^2 of linear, lasso, zero and mean predictors,
    and the beta the lasso chose."""
    train_y, test_y = np.asarray(train_y, dtype=np.float64), np.asarray(test_y, dtype=np.float64)
    fitted_linear = linear(train_x, train_y)
    fitted_lasso = lasso(train_x, train_y, train_groups, betas)
    mean = np.broadcast_to(train_y.mean(axis=0), test_y.shape)
    rows = [
        ("linear", "r2", r2(test_y, fitted_linear.predict(test_x))),
        ("lasso", "r2", r2(test_y, fitted_lasso.predict(test_x))),
        ("lasso", "beta", chosen_beta(fitted_lasso)),
        ("zero", "r2", r2(test_y, np.zeros_like(test_y))),
        ("mean", "r2", r2(test_y, mean)),
    ]
    return pd.DataFrame(rows, columns=["probe", "metric", "value"])


def knn(x, labels, k=5):
    return KNeighborsClassifier(n_neighbors=k).fit(x, labels)


def classification_scores(train_x, train_labels, test_x, test_labels, k=5):
    """Tidy rows (probe, metric, value): held-out accuracy of the k-NN probe and of the majority
    baseline."""
    values, counts = np.unique(train_labels, return_counts=True)
    majority = values[np.argmax(counts)]
    rows = [
        ("knn", "accuracy", accuracy_score(test_labels, knn(train_x, train_labels, k).predict(test_x))),
        ("majority", "accuracy", float(np.mean(np.asarray(test_labels) == majority))),
    ]
    return pd.DataFrame(rows, columns=["probe", "metric", "value"])
