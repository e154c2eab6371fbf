import math

import pandas as pd
import pytest

from shapeae import claims
from shapeae.experiments import disks, positions

MODEL = {"architecture": "disk_ae", "depths": [1, 8, 4, 4, 3, 2, 1], "bias": True}
HOLE = {"radius": [[11, 18]]}
VARIANTS = {
    "default": {"model": MODEL},
    "nobias": {"model": {**MODEL, "bias": False}},
    "max_r18": {"model": MODEL, "train_exclude": {"radius": [[18, 32]]}},  # reaches radius_max: a tail
    "hole": {"model": MODEL, "train_exclude": HOLE},
    "hole_psi1": {"model": MODEL, "train_exclude": HOLE, "regularisation": {"kind": "latent_locality"}},
    "hole_psi3": {"model": MODEL, "train_exclude": HOLE, "regularisation": {"kind": "weight_decay_encoder"}},
    "hole_psi3_lam10": {"model": MODEL, "train_exclude": HOLE, "regularisation": {"kind": "weight_decay_encoder"}},
}


def _scores(rows):
    return pd.DataFrame([{"experiment": "disks", "variant": v, "fold": f, "probe": p, "target": t, "metric": m,
                          "value": x} for v, f, p, t, m, x in rows])


def _table():
    rows = []
    for fold, (spearman, area, radius) in enumerate([(0.999, 0.99, 0.95), (0.995, 0.98, 0.97)]):
        rows += [("default", fold, "code", "radius", "abs_spearman", spearman),
                 ("default", fold, "ols", "area", "r2", area), ("default", fold, "ols", "radius", "r2", radius),
                 ("nobias", fold, "decoder", "radial_profile", "rank1_energy", 0.97),
                 ("nobias", fold, "decoder", "radial_profile", "optimum_pearson", 0.85)]
    for variant, seen, unseen in [("max_r18", 0.001, 0.02), ("hole", 0.001, 0.002), ("hole_psi1", 0.001, 0.004),
                                  ("hole_psi3", 0.001, 0.0015), ("hole_psi3_lam10", 0.001, 0.003)]:
        rows += [(variant, 0, "reconstruction", "image_seen", "mse", seen),
                 (variant, 0, "reconstruction", "image_unseen", "mse", unseen)]
    return _scores(rows)


def test_newson_claims_by_hand():
    table = claims.table(disks.claims(_table(), VARIANTS, 32.0)).set_index("id")
    assert table.loc["disks-monotone", "value"] == pytest.approx(0.997)
    assert table.loc["disks-monotone", "holds"] == "yes"
    assert table.loc["disks-area", "value"] == pytest.approx(((0.99 - 0.95) + (0.98 - 0.97)) / 2)
    assert table.loc["disks-area", "spread"] == pytest.approx(math.sqrt(2 * 0.015**2))
    assert table.loc["nobias-rank1", "holds"] == "yes"
    assert table.loc["nobias-optimum", "holds"] == "no"  # 0.85 < 0.9: reported as failing
    assert table.loc["extrapolation-fails", "value"] == pytest.approx(20.0)
    assert table.loc["hole-fails", "value"] == pytest.approx(2.0) and table.loc["hole-fails", "holds"] == "no"
    # best psi3 (lambda with hole MSE 0.0015) against the better of none (0.002) and psi1 (0.004)
    assert table.loc["psi3-best", "value"] == pytest.approx(-0.0005)
    assert table.loc["psi3-best", "holds"] == "yes"
    assert table.loc["psi3-best", "variants"] == "hole_psi3;hole;hole_psi1"


def test_missing_variants_are_not_measured():
    table = claims.table(disks.claims(_table(), {"default": VARIANTS["default"]}, 32.0)).set_index("id")
    assert table.loc["disks-monotone", "holds"] == "yes"
    for claim in ["nobias-rank1", "extrapolation-fails", "hole-fails", "psi3-best"]:
        assert table.loc[claim, "holds"] == "not measured" and table.loc[claim, "n"] == 0


def test_thresholds_are_the_designs():
    table = claims.table(disks.claims(_table(), VARIANTS, 32.0)).set_index("id")
    assert table["threshold"].to_dict() == {
        "disks-monotone": ">= 0.99", "disks-area": "> 0", "nobias-rank1": ">= 0.95", "nobias-optimum": ">= 0.9",
        "extrapolation-fails": ">= 5", "hole-fails": ">= 3", "psi3-best": "< 0"}


def test_filter_claim_uses_the_median_over_repeats_of_the_regression_encoder():
    rows = [("encoder_regression", r, "filters", "all_layers", "mean_abs_cosine_121", v)
            for r, v in enumerate([0.95, 0.5, 0.99])]
    rows += [("encoder_autoencoder", 0, "filters", "all_layers", "mean_abs_cosine_121", 0.3)]
    encoders = {"autoencoder": {"objective": "autoencoder"}, "regression": {"objective": "regression"}}
    [row] = positions.claims(_scores(rows), encoders)
    assert row["value"] == pytest.approx(0.95) and row["holds"] == "yes" and row["n"] == 3
    [row] = positions.claims(_scores(rows), {"autoencoder": {"objective": "autoencoder"}})
    assert row["holds"] == "not measured"
