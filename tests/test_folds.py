import numpy as np
import pandas as pd
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


def test_stratified_folds_deal_every_stratum_evenly_and_keep_groups_whole():
    # 60 labelled drawings (12 classes x 5, 100 images each) and 1100 unlabelled drawings (one image)
    labelled_groups = np.repeat(np.arange(60), 100)
    groups = np.r_[labelled_groups, np.arange(60, 1160)]
    classes = np.r_[np.repeat(np.arange(12), 500), np.arange(1100) % 12]
    labelled = (groups < 60).astype(int)
    table = folds.assign_groups(groups, 5, seed=4, strata=np.c_[labelled, classes])
    assert (table.groupby(groups)["fold"].nunique() == 1).all()
    drawing_fold = table.groupby(groups)["fold"].first()
    drawing_labelled, drawing_class = labelled[np.unique(groups, return_index=True)[1]], classes[np.unique(groups, return_index=True)[1]]
    per_fold = pd.crosstab(drawing_fold.to_numpy(), drawing_labelled)
    assert per_fold[1].eq(12).all()  # 12 labelled drawings in every fold
    assert per_fold[0].max() - per_fold[0].min() <= 1
    counts = pd.crosstab([drawing_labelled, drawing_class], drawing_fold.to_numpy())
    assert (counts.max(axis=1) - counts.min(axis=1)).max() <= 1  # each class dealt evenly, labelled or not
    assert (counts.loc[1] == 1).all().all()  # one labelled drawing of each class per fold
    assert table.equals(folds.assign_groups(groups, 5, seed=4, strata=np.c_[labelled, classes]))
    # without strata: the same deal as before strata existed
    assert folds.assign_groups(groups, 5, seed=4).equals(
        folds.assign_groups(groups, 5, seed=4, strata=np.zeros(len(groups))))


def test_a_group_split_across_strata_is_refused():
    with pytest.raises(ValueError, match="share its group's stratum"):
        folds.assign_groups([0, 0, 1, 1, 2, 2], 3, seed=0, strata=[0, 1, 0, 0, 1, 1])
