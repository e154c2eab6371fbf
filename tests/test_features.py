import numpy as np

from shapeae import features


def test_spread_by_picks_evenly_through_the_sorted_values():
    values = np.array([5.0, 1.0, 9.0, 3.0, 7.0])
    assert features.spread_by(values, 3).tolist() == [1, 0, 2]  # values 1, 5, 9
    assert sorted(features.spread_by(values, 5).tolist()) == [0, 1, 2, 3, 4]
