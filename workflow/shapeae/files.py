"""Reading a pipeline file, or failing with one line that names the file and what is wrong with it.

Every reader of an artifact (dataset .npz, fold table, model weights and their JSON, features,
tidy score tables) goes through here, so a truncated, foreign or hand-edited file stops the job
that reads it with `InputFileError: <path>: <what is wrong>` (jobs.start writes that line and the
traceback to the job's log) instead of a bare `BadZipFile` from deep inside NumPy.
"""
import json
from contextlib import contextmanager

import numpy as np
import pandas as pd


class InputFileError(ValueError):
    pass


@contextmanager
def reading(path, what):
    """Re-raise any error while reading `path` as InputFileError naming the file and `what` it should be."""
    try:
        yield
    except InputFileError:
        raise
    except Exception as error:
        first_line = (str(error).strip().splitlines() or [""])[0]
        raise InputFileError(f"{path}: not {what} ({type(error).__name__}: {first_line})") from error


def npz(path, keys, what="a ShapeAE .npz"):
    """{key: array} of the named keys of an .npz file (all of them loaded now, so a truncated member
    fails here)."""
    with reading(path, what):
        with np.load(path, allow_pickle=False) as data:
            missing = sorted(set(keys) - set(data.files))
            if missing:
                raise InputFileError(f"{path}: not {what}: it lacks {missing} (it has {sorted(data.files)})")
            return {key: data[key] for key in data.files}


def csv(path, columns=(), numeric=(), what="a ShapeAE table"):
    """A CSV table with the given columns, the `numeric` ones all numbers (NaN allowed)."""
    with reading(path, what):
        table = pd.read_csv(path)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise InputFileError(f"{path}: not {what}: column(s) {missing} missing (it has {list(table.columns)})")
    for column in numeric:
        values = pd.to_numeric(table[column], errors="coerce")
        bad = table[column][values.isna() & table[column].notna()]
        if len(bad):
            raise InputFileError(f"{path}: column {column!r} must hold numbers; row {bad.index[0] + 2} has {bad.iloc[0]!r}")
    return table


def json_file(path, what="a model's hyperparameters (JSON)"):
    with reading(path, what):
        with open(path) as f:
            return json.load(f)


def state_dict(path, device="cpu"):
    import torch

    with reading(path, "PyTorch weights saved by ShapeAE (a state_dict)"):
        return torch.load(path, map_location=device, weights_only=True)
