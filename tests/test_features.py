import numpy as np

from shapeae import features


def test_spread_by_picks_evenly_through_the_sorted_values():
    values = np.array([5.0, 1.0, 9.0, 3.0, 7.0])
    assert features.spread_by(values, 3).tolist() == [1, 0, 2]  # values 1, 5, 9
    assert sorted(features.spread_by(values, 5).tolist()) == [0, 1, 2, 3, 4]


def test_load_all_keys_by_variant_and_fold_and_joins_factors(tmp_path):
    import pandas as pd

    from shapeae import datasets

    images = np.arange(4 * 2 * 2, dtype=np.uint8).reshape(4, 2, 2)
    datasets.save(tmp_path / "data.npz", images, pd.DataFrame({"radius": [1.0, 2.0, 3.0, 4.0]}))
    (tmp_path / "hole").mkdir()
    path = tmp_path / "hole" / "fold1.npz"
    np.savez(path, index=np.array([3, 0]), codes=np.zeros((2, 1)), reconstructions=np.zeros((2, 1, 2, 2)))
    held_out = features.load_all([path], tmp_path / "data.npz")
    assert list(held_out) == [("hole", 1)]
    assert held_out["hole", 1].factors["radius"].tolist() == [4.0, 1.0]
    assert held_out["hole", 1].images.shape == (2, 1, 2, 2)


def test_restricted_keeps_only_the_chosen_items_of_every_split():
    from shapeae import features as held_out

    features = {"index": np.array([0, 3, 5]), "codes": np.arange(6).reshape(3, 2),
                "reconstructions": np.zeros((3, 1, 2, 2)), "predicted_class": np.empty(0, np.int64),
                "train_index": np.array([1, 2, 4]), "train_codes": np.arange(3)[:, None],
                "val_index": np.array([4]), "val_codes": np.array([[9.0]])}
    keep = np.array([True, True, False, False, True, True])
    kept = held_out.restricted(features, keep)
    assert kept["index"].tolist() == [0, 5] and kept["codes"].tolist() == [[0, 1], [4, 5]]
    assert kept["reconstructions"].shape == (2, 1, 2, 2) and kept["predicted_class"].size == 0
    assert kept["train_index"].tolist() == [1, 4] and kept["train_codes"].ravel().tolist() == [0, 2]
    assert kept["val_index"].tolist() == [4] and features["index"].tolist() == [0, 3, 5]  # the input untouched
