"""Disentanglement metrics of a representation against its known generative factors.

- MIG (Chen et al. 2018) as disentanglement_lib computes it: every code dimension is discretised by
  a histogram with `bins` equal-width bins (np.histogram's edges, np.digitize), the mutual information
  of each (code dimension, factor) pair is the discrete one (`sklearn.metrics.mutual_info_score`,
  nats), divided by the factor's entropy, and MIG is the mean over factors of the gap between the two
  most informative dimensions. Continuous factors are discretised the same way (`bins` equal-width
  bins over their range; disentanglement_lib only ever sees discrete factors). A one-dimensional code
  has no second dimension: its gap is the normalised information of the only one.
- DCI (Eastwood & Williams 2018) with disentanglement_lib's importances: one gradient-boosted
  ensemble per factor predicts it from the code; the absolute `feature_importances_` form the
  (codes x factors) importance matrix. Categorical factors use a classifier, as disentanglement_lib;
  continuous ones a regressor (our variant: the library only has classifiers). Disentanglement and
  completeness are one minus the importance entropies, weighted as in disentanglement_lib;
  informativeness is the held-out accuracy (categorical) or R^2 (continuous) of the same ensembles,
  averaged over factors. Both D and C need two or more of what they take the entropy over (factors
  for D, code dimensions for C); otherwise they are undefined and returned as NaN.
  The ensembles are disentanglement_lib's (100 stages of depth-3 trees, every code dimension tried
  at every split), grown either by scikit-learn (`booster="sklearn"`, its GradientBoosting* exactly)
  or from histograms of the codes (`booster="histogram"`, `shapeae.boosting`: the same trees with at
  most 128 thresholds per dimension, D, C and I within 0.02 of scikit-learn's on the reference codes
  of tests/test_scorecard.py, ~10x faster). `max_features="sqrt"` (scikit-learn only) tries a
  random sqrt(d) dimensions per split instead: it is cheaper but biases D and C downwards, and more
  so the wider the code (an ideal code's D: 0.97 -> 0.85 at d = 8, 0.99 -> 0.74 at d = 64), because
  a split that cannot see the informative dimension takes a noise one and spreads the importance;
  its values are not comparable with published disentanglement_lib ones.
"""
import numpy as np
from scipy.stats import entropy
from sklearn.ensemble import GradientBoostingClassifier, GradientBoostingRegressor
from sklearn.metrics import accuracy_score, r2_score

from . import boosting


def discretise(values, bins=20):
    """Each column binned by a `bins`-bin histogram of its own range, as disentanglement_lib's
    _histogram_discretize: labels 1..bins (np.digitize against the left edges)."""
    values = np.asarray(values, dtype=np.float64).reshape(len(values), -1)
    labels = np.empty(values.shape, dtype=np.int64)
    for j, column in enumerate(values.T):
        labels[:, j] = np.digitize(column, np.histogram(column, bins)[1][:-1])
    return labels


def _mutual_information(a, b):
    """Discrete mutual information (nats) of two label vectors; equals sklearn's mutual_info_score."""
    _, a = np.unique(a, return_inverse=True)
    _, b = np.unique(b, return_inverse=True)
    joint = np.bincount(a * (b.max() + 1) + b, minlength=(a.max() + 1) * (b.max() + 1)).reshape(a.max() + 1, -1)
    joint = joint / joint.sum()
    outer = joint.sum(axis=1, keepdims=True) * joint.sum(axis=0, keepdims=True)
    nonzero = joint > 0
    return float(np.sum(joint[nonzero] * np.log(joint[nonzero] / outer[nonzero])))


def factor_labels(factors, kinds, bins=20):
    """(N x K) discrete labels of the factors: categories as they are, continuous ones binned."""
    columns = [np.asarray(f) if kind == "categorical" else discretise(f, bins)[:, 0] for f, kind in zip(factors.T, kinds)]
    return np.stack(columns, axis=1)


def mutual_information_matrix(codes, labels, bins=20):
    """(codes x factors) discrete mutual information, codes discretised by `bins`-bin histograms."""
    binned = discretise(codes, bins)
    return np.array([[_mutual_information(c, y) for y in labels.T] for c in binned.T])


def mig(codes, labels, bins=20):
    """(MIG, per-factor gaps): `labels` are the factors' discrete labels (factor_labels)."""
    information = mutual_information_matrix(codes, labels, bins)
    factor_entropy = np.array([_mutual_information(y, y) for y in labels.T])
    ordered = np.sort(information, axis=0)[::-1]
    second = ordered[1] if len(ordered) > 1 else np.zeros(ordered.shape[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        gaps = np.where(factor_entropy > 0, (ordered[0] - second) / factor_entropy, 0.0)
    return float(np.mean(gaps)), gaps


BOOSTERS = ("histogram", "sklearn")


def _ensemble(kind, n_estimators, max_features, seed, booster):
    if booster == "histogram":
        if max_features != "all":
            raise ValueError(f"the histogram booster tries every code dimension (max_features 'all'), "
                             f"got max_features {max_features!r}: use booster 'sklearn' for a subset")
        return boosting.Booster(kind, n_estimators)
    if booster != "sklearn":
        raise ValueError(f"booster must be one of {BOOSTERS}, got {booster!r}")
    model = GradientBoostingClassifier if kind == "categorical" else GradientBoostingRegressor
    return model(n_estimators=n_estimators, max_features=None if max_features == "all" else max_features,
                 random_state=seed)


def _check_classes(target, name):
    values = np.unique(target)
    if len(values) < 2:
        raise ValueError(f"DCI: categorical factor {name!r} takes the one value {values[0].item()!r} in all "
                         f"{len(target)} training codes; its classifier needs two or more classes (raise "
                         f"scorecard.dci.max_train, or list the factor in scorecard.skip_factors)")


def importance_matrix(train_codes, train_factors, test_codes, test_factors, kinds, n_estimators=100,
                      max_features="all", seed=0, booster="histogram", names=None):
    """(importances codes x factors, held-out informativeness per factor) of one gradient-boosted
    ensemble per factor fitted on the training codes; `names` label the factors in errors."""
    importances = np.zeros((train_codes.shape[1], len(kinds)))
    informativeness = np.zeros(len(kinds))
    names = names or [f"#{j}" for j in range(len(kinds))]
    for j, kind in enumerate(kinds):
        if kind == "categorical":
            _check_classes(train_factors[:, j], names[j])
        model = _ensemble(kind, n_estimators, max_features, seed, booster).fit(train_codes, train_factors[:, j])
        importances[:, j] = np.abs(model.feature_importances_)
        score = accuracy_score if kind == "categorical" else r2_score
        informativeness[j] = score(test_factors[:, j], model.predict(test_codes))
    return importances, informativeness


def _weighted_one_minus_entropy(matrix):
    """disentanglement_lib's disentanglement(), on the rows of `matrix`: 1 - entropy of each row
    (base = row length), weighted by the row's share of the total importance."""
    if matrix.shape[1] < 2:
        return float("nan")
    per_row = 1.0 - entropy(matrix.T + 1e-11, base=matrix.shape[1])
    if matrix.sum() == 0.0:
        matrix = np.ones_like(matrix)
    return float(np.sum(per_row * matrix.sum(axis=1) / matrix.sum()))


def disentanglement(importances):
    return _weighted_one_minus_entropy(importances)


def completeness(importances):
    return _weighted_one_minus_entropy(importances.T)


def dci(train_codes, train_factors, test_codes, test_factors, kinds, n_estimators=100, max_features="all", seed=0,
        booster="histogram", names=None):
    """{disentanglement, completeness, informativeness} and the per-factor informativeness."""
    importances, informativeness = importance_matrix(train_codes, train_factors, test_codes, test_factors, kinds,
                                                     n_estimators, max_features, seed, booster, names)
    scores = {"disentanglement": disentanglement(importances), "completeness": completeness(importances),
              "informativeness": float(np.mean(informativeness))}
    return scores, informativeness
