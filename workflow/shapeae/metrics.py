"""Scores of a learned code against known factors, and of reconstructions against inputs."""
import numpy as np
from scipy.stats import spearmanr
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score


def mse(x, y):
    return float(np.mean((np.asarray(x, np.float64) - np.asarray(y, np.float64)) ** 2))


def per_image_mse(x, y):
    diff = np.asarray(x, np.float64) - np.asarray(y, np.float64)
    return np.mean(diff.reshape(len(diff), -1) ** 2, axis=1)


def abs_spearman(z, factor):
    """|Spearman rank correlation| of a scalar code with a factor: 1 when the code orders it."""
    return float(abs(spearmanr(np.ravel(z), factor).statistic))


def ols_r2(z, factor):
    """R^2 of the fit z ~ a + b * factor (least squares on the given items)."""
    f = np.asarray(factor, np.float64).reshape(-1, 1)
    z = np.asarray(z, np.float64).reshape(len(f), -1)
    return float(r2_score(z, LinearRegression().fit(f, z).predict(f)))


def binned_mse(errors, values, edges):
    """Mean of per-item errors within each [edges[i], edges[i+1]) bin of `values` (NaN if empty)."""
    which = np.digitize(values, edges[1:-1])  # 0 .. len(edges) - 2
    return [float(errors[which == b].mean()) if np.any(which == b) else float("nan")
            for b in range(len(edges) - 1)]
