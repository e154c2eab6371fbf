"""Held-out features written by the extract rule, joined with their images and factors."""
from types import SimpleNamespace

import numpy as np

from . import datasets


def load(features_path, data_path):
    """Namespace with index, codes, reconstructions, images (float, N x C x H x W) and factors."""
    images, factors = datasets.load(data_path)
    with np.load(features_path) as f:
        index, codes, reconstructions = f["index"], f["codes"], f["reconstructions"]
    return SimpleNamespace(
        index=index,
        codes=codes,
        reconstructions=reconstructions,
        images=datasets.as_float(images[index]),
        factors=factors.iloc[index].reset_index(drop=True),
    )


def spread_by(values, n):
    """Indices of n items whose values are evenly spaced through the sorted values (figure examples)."""
    order = np.argsort(values)
    return order[np.linspace(0, len(order) - 1, n).round().astype(int)]
