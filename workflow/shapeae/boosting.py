"""Gradient boosting as disentanglement_lib's DCI runs it, on binned codes.

disentanglement_lib fits scikit-learn's GradientBoostingClassifier with its defaults: 100 stages of
depth-3 regression trees on the loss's negative gradient (split on the squared-error decrease, which
is Friedman's criterion), learning rate 0.1, every feature at every split, and reads
`feature_importances_`: each split's squared-error decrease over the training set size, summed over
the trees and normalised to sum 1. At 1,000 codes of 512 dimensions scikit-learn's exact splitter
takes ~100 s for one 12-class factor (~180 s for shape space's 12 factors); this module grows the
same trees from per-dimension histograms of the codes (at most `n_bins` - 1 = 127 candidate thresholds
per dimension, `thresholds`) in
~22 s. 64 bins would halve that again but moved D by 0.024 on shape space's codes. Leaf values are scikit-learn's: the mean residual
(squared error) and one Newton step of the binomial or multinomial deviance, (K - 1) / K * sum r /
sum p (1 - p). Splits are ties-broken by the first feature, where scikit-learn draws a random order.
tests/test_scorecard.py checks that D, C and I agree with scikit-learn's within 0.02 on reference codes.
"""
import numpy as np

LEARNING_RATE = 0.1
MAX_DEPTH = 3


def thresholds(column, n_bins):
    """Candidate split points of one code dimension, as scikit-learn's midpoints between consecutive
    distinct values: all of them when there are at most n_bins - 1, else one per run of equally many
    consecutive gaps, at the run's widest gap (so a gap between clusters is never missed)."""
    values = np.unique(column)
    midpoints = (values[:-1] + values[1:]) / 2
    if len(midpoints) < n_bins:
        return midpoints
    gaps = np.diff(values)
    runs = np.array_split(np.arange(len(gaps)), n_bins - 1)
    return midpoints[[run[np.argmax(gaps[run])] for run in runs]]


def binned(codes, cuts):
    """Bin of every value: how many of its dimension's thresholds lie below it (so bin <= b
    means value <= cuts[b], the left branch of a split at b)."""
    return np.stack([np.searchsorted(c, column, side="left") for c, column in zip(cuts, codes.T)], axis=1)


def grow(bins, flat, residual, n_bins, importance, root_counts):
    """One depth-3 tree on the residuals, as (feature, bin, children) arrays over its nodes (feature
    -1: a leaf), from the binned codes and their per-feature offsets `flat`; adds each split's
    squared-error decrease to `importance`. Returns the tree and the leaf of every training item.
    A node's histogram is its parent's minus its smaller sibling's (only the smaller is counted)."""
    n, d = bins.shape

    def histogram(items):
        cells = flat[items].ravel()
        sums = np.bincount(cells, weights=np.repeat(residual[items], d), minlength=d * n_bins)
        return sums.reshape(d, n_bins), np.bincount(cells, minlength=d * n_bins).reshape(d, n_bins)

    root_sums = np.bincount(flat.ravel(), weights=np.repeat(residual, d), minlength=d * n_bins)
    feature, split_bin, children = [-1], [0], [(-1, -1)]
    frontier = [(0, np.arange(n), root_sums.reshape(d, n_bins), root_counts)]
    for _ in range(MAX_DEPTH):
        deeper = []
        for node, items, sums, counts in frontier:
            best = _best_split(sums, counts, residual[items])
            if best is None:
                continue
            feature[node], split_bin[node], gain = best
            importance[feature[node]] += gain
            left = bins[items, feature[node]] <= split_bin[node]
            children[node] = (len(feature), len(feature) + 1)
            feature += [-1, -1]
            split_bin += [0, 0]
            children += [(-1, -1), (-1, -1)]
            halves = [items[left], items[~left]]
            small = int(len(halves[1]) < len(halves[0]))
            small_sums, small_counts = histogram(halves[small])
            parts = {small: (small_sums, small_counts), 1 - small: (sums - small_sums, counts - small_counts)}
            deeper += [(children[node][side], halves[side], *parts[side]) for side in (0, 1)]
        frontier = deeper
    tree = (np.array(feature), np.array(split_bin), np.array(children).reshape(-1, 2))
    return tree, leaves(tree, bins)


def _best_split(sums, counts, residual):
    """(feature, bin, squared-error decrease) of the best split of one node from its (dimension x
    bin) histogram of residual sums and counts, or None."""
    m = len(residual)
    if m < 2:
        return None
    left_sum, left_n = np.cumsum(sums, axis=1), np.cumsum(counts, axis=1)
    total = residual.sum()
    right_n = m - left_n
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = left_sum ** 2 / left_n + (total - left_sum) ** 2 / right_n - total ** 2 / m
    gain[(left_n == 0) | (right_n == 0)] = -np.inf
    j, b = np.unravel_index(np.argmax(gain), gain.shape)
    if not gain[j, b] > 1e-12 * max(1.0, float(residual @ residual)):
        return None
    return int(j), int(b), float(gain[j, b])


def leaves(tree, bins):
    feature, split_bin, children = tree
    node = np.zeros(len(bins), dtype=int)
    for _ in range(MAX_DEPTH):
        inner = feature[node] >= 0
        go_right = bins[np.arange(len(bins)), np.maximum(feature[node], 0)] > split_bin[node]
        node = np.where(inner, children[node, go_right.astype(int)], node)
    return node


class Booster:
    """A gradient-boosted regressor (kind "continuous") or classifier ("categorical")."""

    def __init__(self, kind, n_estimators=100, n_bins=128):
        self.kind, self.n_estimators, self.n_bins = kind, n_estimators, n_bins

    def fit(self, codes, target):
        codes = np.asarray(codes, dtype=np.float64)
        self.cuts = [thresholds(column, self.n_bins) for column in codes.T]
        bins = binned(codes, self.cuts)
        flat = bins + np.arange(bins.shape[1]) * self.n_bins  # one histogram over (dimension, bin)
        root_counts = np.bincount(flat.ravel(), minlength=flat.size // len(flat) * self.n_bins).reshape(-1, self.n_bins)
        importance = np.zeros(codes.shape[1])
        self.stages = []  # per stage: [(tree, leaf values) per output column]
        if self.kind == "categorical":
            self.classes, labels = np.unique(target, return_inverse=True)
            onehot = np.eye(len(self.classes))[labels]
            prior = onehot.mean(axis=0)
            self.init = np.log(prior[1:] / prior[0]) if len(self.classes) == 2 else np.log(prior)
            targets = onehot[:, 1:] if len(self.classes) == 2 else onehot
        else:
            self.init = np.array([np.mean(target)])
            targets = np.asarray(target, dtype=np.float64)[:, None]
        raw = np.tile(self.init, (len(codes), 1))
        for _ in range(self.n_estimators):
            probability = self._probability(raw)
            residual = targets - probability
            stage = []
            for k in range(targets.shape[1]):
                tree, leaf = grow(bins, flat, residual[:, k], self.n_bins, importance, root_counts)
                values = self._leaf_values(leaf, residual[:, k], probability[:, k], tree[0].size)
                raw[:, k] += LEARNING_RATE * values[leaf]
                stage.append((tree, values))
            self.stages.append(stage)
        total = importance.sum()
        self.feature_importances_ = importance / total if total > 0 else importance
        return self

    def _probability(self, raw):
        if self.kind != "categorical":
            return raw
        if raw.shape[1] == 1:
            return 1 / (1 + np.exp(-raw))
        shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)

    def _leaf_values(self, leaf, residual, probability, n_nodes):
        sums = np.bincount(leaf, weights=residual, minlength=n_nodes)
        if self.kind != "categorical":
            return sums / np.maximum(np.bincount(leaf, minlength=n_nodes), 1)
        k = len(self.classes)
        scale = (k - 1) / k if k > 2 else 1.0
        curvature = np.bincount(leaf, weights=probability * (1 - probability), minlength=n_nodes)
        safe = np.abs(curvature) > 1e-150
        return np.where(safe, scale * sums / np.where(safe, curvature, 1), 0.0)

    def predict(self, codes):
        bins = binned(np.asarray(codes, dtype=np.float64), self.cuts)
        raw = np.tile(self.init, (len(bins), 1))
        for stage in self.stages:
            for k, (tree, values) in enumerate(stage):
                raw[:, k] += LEARNING_RATE * values[leaves(tree, bins)]
        if self.kind != "categorical":
            return raw[:, 0]
        if raw.shape[1] == 1:
            return self.classes[(raw[:, 0] > 0).astype(int)]
        return self.classes[np.argmax(raw, axis=1)]
