"""K-fold splits: test = fold k, validation = fold (k - 1) mod K, training = the rest."""
import numpy as np
import pandas as pd


def assign(n_items, n_folds, seed):
    """Fold of every item: a seeded permutation dealt round-robin, so fold sizes differ by <= 1."""
    if n_folds < 3:
        raise ValueError(f"n_folds must be at least 3 (test, validation, training), got {n_folds}")
    if n_items < n_folds:
        raise ValueError(f"cannot split {n_items} items into {n_folds} folds")
    order = np.random.default_rng(seed).permutation(n_items)
    fold = np.empty(n_items, dtype=np.int64)
    fold[order] = np.arange(n_items) % n_folds
    return pd.DataFrame({"index": np.arange(n_items), "fold": fold})


def assign_groups(groups, n_folds, seed, strata=None):
    """Fold of every item such that all items of a group share one: the distinct groups, in a
    seeded random order within each stratum and stratum after stratum, dealt round-robin. Group
    counts per fold differ by <= 1, and so do the counts of each stratum's groups.

    strata: per item, the stratum of its group (e.g. (labelled, class) of a drawing; constant within
    a group); default one stratum."""
    groups = np.asarray(groups)
    distinct, first, inverse = np.unique(groups, return_index=True, return_inverse=True)
    if len(distinct) < n_folds:
        raise ValueError(f"cannot split {len(distinct)} groups into {n_folds} folds")
    if strata is None:
        group_stratum = np.zeros(len(distinct), dtype=np.int64)
    else:
        strata = np.asarray(strata).reshape(len(groups), -1)
        _, item_stratum = np.unique(strata, axis=0, return_inverse=True)
        item_stratum = item_stratum.ravel()
        group_stratum = item_stratum[first]
        if (group_stratum[inverse] != item_stratum).any():
            raise ValueError("every item of a group must share its group's stratum")
    shuffled = np.random.default_rng(seed).permutation(len(distinct))
    order = shuffled[np.argsort(group_stratum[shuffled], kind="stable")]  # stratum by stratum, random within
    group_fold = np.empty(len(distinct), dtype=np.int64)
    group_fold[order] = np.arange(len(distinct)) % n_folds
    return pd.DataFrame({"index": np.arange(len(groups)), "fold": group_fold[inverse]})


def split(folds, k):
    """Index arrays (train, validation, test) for test fold k."""
    n_folds = folds["fold"].max() + 1
    if not 0 <= k < n_folds:
        raise ValueError(f"fold {k} out of range for {n_folds} folds")
    val = (k - 1) % n_folds
    by = folds["fold"].to_numpy()
    index = folds["index"].to_numpy()
    return index[(by != k) & (by != val)], index[by == val], index[by == k]


def read(path):
    """A fold table (index, fold: integers), checked."""
    from . import files

    table = files.csv(path, columns=["index", "fold"], numeric=["index", "fold"], what="a fold table (index, fold)")
    if table[["index", "fold"]].isna().any().any() or (table["fold"] < 0).any():
        raise files.InputFileError(f"{path}: every row needs an item index and a fold >= 0")
    return table.astype({"index": np.int64, "fold": np.int64})
