"""Datasets: generators (one module each) and the common on-disk format.

A dataset is an .npz with `images` (uint8, N x H x W or N x C x H x W), `factor_names` and
`factors` (float64, N x F): the generative factors of every image.
"""
import numpy as np
import pandas as pd


def save(path, images, factors):
    np.savez_compressed(
        path,
        images=images,
        factor_names=np.array(factors.columns, dtype=str),
        factors=factors.to_numpy(dtype=np.float64),
    )


def load(path):
    """(images as uint8 array, factors as DataFrame)."""
    with np.load(path) as data:
        factors = pd.DataFrame(data["factors"], columns=list(data["factor_names"]))
        return data["images"], factors


def as_float(images):
    """uint8 images to float32 in [0, 1] with a channel axis (N, C, H, W)."""
    x = images.astype(np.float32) / 255.0
    return x[:, None] if x.ndim == 3 else x


def _generators():
    from . import disks

    return {"disks": disks.generate}


GENERATORS = _generators()
