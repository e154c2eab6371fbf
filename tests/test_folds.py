import numpy as np
import pytest

from shapeae import folds


def test_folds_partition_items_evenly():
    table = folds.assign(103, 5, seed=1)
    sizes = table["fold"].value_counts().to_numpy()
    assert sizes.sum() == 103 and sizes.max() - sizes.min() <= 1
    assert table.equals(folds.assign(103, 5, seed=1))
    assert not table.equals(folds.assign(103, 5, seed=2))


def test_split_uses_previous_fold_for_validation():
    table = folds.assign(50, 5, seed=0)
    train, val, test = folds.split(table, 0)
    by = table.set_index("index")["fold"]
    assert set(by[test]) == {0} and set(by[val]) == {4} and set(by[train]) == {1, 2, 3}
    assert len(np.intersect1d(train, test)) == 0 and len(train) + len(val) + len(test) == 50


def test_too_few_folds_is_refused():
    with pytest.raises(ValueError, match="at least 3"):
        folds.assign(10, 2, seed=0)


def test_grouped_folds_keep_every_item_of_a_group_together():
    groups = np.repeat(np.arange(23), 4)  # 23 drawings, 4 augmentations each
    table = folds.assign_groups(groups, 5, seed=3)
    per_group = table.groupby(groups)["fold"].nunique()
    assert (per_group == 1).all()
    counts = table.groupby("fold").size().to_numpy() // 4
    assert counts.sum() == 23 and counts.max() - counts.min() <= 1
    train, val, test = folds.split(table, 2)
    assert not set(groups[test]) & set(groups[train]) and not set(groups[val]) & set(groups[train])
