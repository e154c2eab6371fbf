"""Held-out features written by the extract rule, joined with their images and factors."""
import re
from types import SimpleNamespace

import numpy as np

from . import datasets, files

FEATURES = ["index", "codes", "reconstructions"]


def load(features_path, data_path):
    """Namespace with index, codes, reconstructions, images (float, N x C x H x W) and factors, and
    the validation fold's per-image reconstruction MSE and factors (val_mse, val_factors; None in a
    features file written before extract recorded them)."""
    return _join(features_path, *datasets.load(data_path))


def load_all(features_paths, data_path):
    """{(variant, fold): namespace} for results/features/<experiment>/<variant>/fold<k>.npz files,
    reading the dataset once."""
    images, factors = datasets.load(data_path)
    held_out = {}
    for path in features_paths:
        variant, fold = re.search(r"([^/]+)/fold(\d+)\.npz$", str(path)).groups()
        held_out[variant, int(fold)] = _join(path, images, factors)
    return held_out


def _join(features_path, images, factors):
    f = files.npz(features_path, FEATURES, "a features .npz of the extract stage")
    index, codes, reconstructions = f["index"], f["codes"], f["reconstructions"]
    validated = "val_mse" in f and len(f["val_mse"])
    return SimpleNamespace(
        index=index,
        codes=codes,
        reconstructions=reconstructions,
        images=datasets.as_float(images[index]),
        factors=factors.iloc[index].reset_index(drop=True),
        val_mse=f["val_mse"] if validated else None,
        val_factors=factors.iloc[f["val_index"]].reset_index(drop=True) if validated else None,
    )


def for_scoring(features_path, data_path, folds_path):
    """What a score job reads: the features file as a dict (with the held-out images as floats
    under "images"), the factor table, and the fold of every item of the dataset."""
    from . import folds

    images, factors = datasets.load(data_path)
    fold_of = folds.read(folds_path).set_index("index")["fold"].sort_index().to_numpy()
    features = files.npz(features_path, FEATURES, "a features .npz of the extract stage")
    features["images"] = datasets.as_float(images[features["index"]])
    return features, factors, fold_of


def restricted(features, keep):
    """The features of the items `keep` (a mask over the dataset) only: held-out codes and
    reconstructions, training codes and validation codes."""
    features = dict(features)
    for index, arrays in (("index", ["codes", "reconstructions", "images", "predicted_class"]),
                          ("train_index", ["train_codes"]), ("val_index", ["val_codes"])):
        if index not in features:
            continue
        mask = keep[features[index]]
        for name in arrays:
            if name in features and len(features[name]) == len(mask):
                features[name] = features[name][mask]
        features[index] = features[index][mask]
    return features


def spread_by(values, n):
    """Indices of n items whose values are evenly spaced through the sorted values (figure examples)."""
    order = np.argsort(values)
    return order[np.linspace(0, len(order) - 1, n).round().astype(int)]
