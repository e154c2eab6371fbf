"""Scores of a learned code against known factors, and of reconstructions against inputs."""
import numpy as np
import pandas as pd


def mse(x, y):
    return float(np.mean((np.asarray(x, np.float64) - np.asarray(y, np.float64)) ** 2))


def per_image_mse(x, y):
    diff = np.asarray(x, np.float64) - np.asarray(y, np.float64)
    return np.mean(diff.reshape(len(diff), -1) ** 2, axis=1)


def abs_spearman(z, factor):
    """|Spearman rank correlation| of a scalar code with a factor: 1 when the code orders it.
    Pearson's r of the average ranks (ties share theirs), as scipy.stats.spearmanr, whose import
    alone (0.6 s) was half of a disk scores job's start-up."""
    ranks = [pd.Series(np.ravel(np.asarray(v, np.float64))).rank().to_numpy() for v in (z, factor)]
    return float(abs(np.corrcoef(*ranks)[0, 1]))


def ols_r2(z, factor):
    """R^2 of the fit z ~ a + b * factor (least squares on the given items), averaged over the code's
    dimensions as scikit-learn's r2_score: for one regressor and an intercept, R^2 is the squared
    Pearson correlation, so no solver is needed (nor scikit-learn's second of import in a disk scores
    job). A constant dimension is predicted exactly: 1, as r2_score has it."""
    f = np.asarray(factor, np.float64).ravel()
    z = np.asarray(z, np.float64).reshape(len(f), -1)
    f, z = f - f.mean(), z - z.mean(axis=0)
    covariance, variance = f @ z, (z * z).sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):  # a constant factor explains nothing: 0
        explained = np.where(f @ f > 0, covariance**2 / (variance * (f @ f)), 0.0)
    return float(np.where(variance > 0, explained, 1.0).mean())


def binned_mse(errors, values, edges):
    """Mean of per-item errors within each [edges[i], edges[i+1]) bin of `values` (NaN if empty)."""
    which = np.digitize(values, edges[1:-1])  # 0 .. len(edges) - 2
    return [float(errors[which == b].mean()) if np.any(which == b) else float("nan")
            for b in range(len(edges) - 1)]
