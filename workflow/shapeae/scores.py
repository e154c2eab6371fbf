"""Per-fold score tables: tidy rows (experiment, variant, fold, probe, target, metric, value)."""
import pandas as pd

from . import metrics

COLUMNS = ["experiment", "variant", "fold", "probe", "target", "metric", "value"]


def disk_scores(images, reconstructions, codes, factors, radius_bins):
    """Held-out scores of a disk autoencoder (Newson et al. sections 4.1-4.2).

    reconstruction MSE overall and per radius bin; |Spearman(z, r)|; R^2 of z ~ r and z ~ r^2.
    """
    errors = metrics.per_image_mse(images, reconstructions)
    radius = factors["radius"].to_numpy()
    rows = [("reconstruction", "image", "mse", float(errors.mean()))]
    for lo, hi, value in zip(radius_bins[:-1], radius_bins[1:],
                             metrics.binned_mse(errors, radius, radius_bins)):
        rows.append(("reconstruction", f"image_r{lo:g}-{hi:g}", "mse", value))
    rows.append(("code", "radius", "abs_spearman", metrics.abs_spearman(codes, radius)))
    for target in ("radius", "area"):
        rows.append(("ols", target, "r2", metrics.ols_r2(codes, factors[target])))
    return pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])


def tag(table, experiment, variant, fold):
    table = table.assign(experiment=experiment, variant=variant, fold=int(fold))
    return table[COLUMNS]


def summarise(scores):
    """Mean, standard deviation and count over folds of every (experiment, variant, probe, target, metric)."""
    keys = ["experiment", "variant", "probe", "target", "metric"]
    summary = scores.groupby(keys, sort=True)["value"].agg(["mean", "std", "count"]).reset_index()
    return summary.rename(columns={"count": "n_folds"})
