"""Datasets: generators (one module each) and the common on-disk format.

A dataset is an .npz with `images` (uint8, N x H x W or N x C x H x W), `factor_names` and
`factors` (float64, N x F): the generative factors of every image; optionally `metadata`, a JSON
object of what the generator measured on the dataset as a whole (e.g. the shape space's calibration).
"""
import importlib
import json

import numpy as np
import pandas as pd

from .. import files


def save(path, images, factors, kinds=None, metadata=None):
    """`kinds`: continuous or categorical per factor (default all continuous); `metadata`: a
    JSON-serialisable dict (default none)."""
    kinds = kinds or ["continuous"] * len(factors.columns)
    np.savez_compressed(
        path,
        images=images,
        factor_names=np.array(factors.columns, dtype=str),
        factor_kinds=np.array(kinds, dtype=str),
        factors=factors.to_numpy(dtype=np.float64),
        metadata=np.array(json.dumps(metadata or {}, sort_keys=True)),
    )


def metadata(path):
    """The dataset's metadata dict ({} for a dataset saved without)."""
    with files.reading(path, DATASET), np.load(path, allow_pickle=False) as data:
        return json.loads(str(data["metadata"])) if "metadata" in data.files else {}


DATASET = "a ShapeAE dataset .npz (images, factor_names, factor_kinds, factors)"


def factor_kinds(path):
    """{factor name: "continuous" | "categorical"}."""
    data = files.npz(path, ["factor_names", "factor_kinds"], DATASET)
    return dict(zip(data["factor_names"], data["factor_kinds"]))


def load(path):
    """(images as uint8 array, factors as DataFrame)."""
    data = files.npz(path, ["images", "factor_names", "factors"], DATASET)
    with files.reading(path, DATASET):
        factors = pd.DataFrame(data["factors"], columns=list(data["factor_names"]))
    if len(factors) != len(data["images"]):
        raise files.InputFileError(f"{path}: {len(data['images'])} images but {len(factors)} rows of factors")
    return data["images"], factors


def outside(factors, excluded):
    """Boolean mask of the items whose factors lie outside every excluded [low, high) range.

    excluded: {factor name: [[low, high], ...]}, e.g. {"radius": [[11, 18]]} (Newson's hole).
    """
    keep = np.ones(len(factors), dtype=bool)
    for name, ranges in excluded.items():
        if name not in factors:
            raise KeyError(f"train_exclude names factor {name!r}; the dataset has {list(factors.columns)}")
        values = factors[name].to_numpy()
        for low, high in ranges:
            keep &= ~((values >= low) & (values < high))
    return keep


def as_float(images):
    """uint8 images to float32 in [0, 1] with a channel axis (N, C, H, W)."""
    x = images.astype(np.float32) / 255.0
    return x[:, None] if x.ndim == 3 else x


# generator name (an experiment's, or a named dataset's `generator`): its module, imported when
# needed (shapes pulls in scikit-learn: ~1.5 s that every training and extraction job would pay)
GENERATORS = {"disks": "disks", "shapespace": "shapes", "colours": "colours", "lander": "lander",
              "clutter": "clutter"}


def generator(name):
    return importlib.import_module(f"{__name__}.{GENERATORS[name]}")


def generate(name, params, seed):
    """(images, factors, kinds, metadata) of an experiment's generator; kinds from the module's
    `factor_kinds` where it has one, else all continuous; metadata where the generator returns it
    (as a third value), else {}."""
    module = generator(name)
    images, factors, *metadata = module.generate(**params, seed=seed)
    kinds = module.factor_kinds(factors) if hasattr(module, "factor_kinds") else None
    return images, factors, kinds, (metadata[0] if metadata else {})


def trained_on(factors):
    """Boolean mask of the items a model may train or be validated on: all but those a generator
    marks `probe_only` (extra images that only the probes read)."""
    if "probe_only" not in factors:
        return np.ones(len(factors), dtype=bool)
    return factors["probe_only"].to_numpy() == 0

