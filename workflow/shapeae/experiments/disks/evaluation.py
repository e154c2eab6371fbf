"""Held-out scores of a disk autoencoder on one fold (Newson et al. sections 4.1-4.4), as tidy rows
(probe, target, metric, value); `shapeae.scores.tag` adds the experiment, variant and fold."""
import numpy as np
import pandas as pd

from ... import datasets, metrics
from . import theory


def disk_scores(images, reconstructions, codes, factors, radius_bins, radius_max, train_exclude=None,
                val_mse=None, val_factors=None):
    """Held-out scores of a disk autoencoder (Newson et al. sections 4.1-4.4).

    reconstruction MSE overall, per radius bin, and (when training excluded some radii) on the
    radii seen in training and on those never seen, on the test fold (mse) and on the validation
    fold (val_mse, from its per-image errors `val_mse`: what a choice among variants reads); the
    mean absolute error of the decoded disk's radius (decoded_radius, and the same estimate on the
    inputs, input_radius: the estimator's own error), overall and seen / unseen; |Spearman(z, r)|;
    R^2 of z ~ r and z ~ r^2.
    """
    errors = metrics.per_image_mse(images, reconstructions)
    radius = factors["radius"].to_numpy()
    radius_error = np.abs(decoded_radius(reconstructions) - radius)
    rows = [("reconstruction", "image", "mse", float(errors.mean())),
            ("decoded_radius", "image", "mae", float(radius_error.mean())),
            ("input_radius", "image", "mae", float(np.abs(decoded_radius(images) - radius).mean()))]
    for lo, hi, value in zip(radius_bins[:-1], radius_bins[1:],
                             metrics.binned_mse(errors, radius, radius_bins)):
        rows.append(("reconstruction", f"image_r{lo:g}-{hi:g}", "mse", value))
    if train_exclude:
        seen = datasets.outside(factors, train_exclude)
        for part, mask in (("image_seen", seen), ("image_unseen", ~seen)):
            rows.append(("reconstruction", part, "mse", float(errors[mask].mean())))
            rows.append(("decoded_radius", part, "mae", float(radius_error[mask].mean())))
        if val_mse is not None:
            val_seen = datasets.outside(val_factors, train_exclude)
            rows.append(("reconstruction", "image_seen", "val_mse", float(val_mse[val_seen].mean())))
            rows.append(("reconstruction", "image_unseen", "val_mse", float(val_mse[~val_seen].mean())))
    rows.append(("code", "radius", "abs_spearman", metrics.abs_spearman(codes, radius)))
    rows += decoder_rows(reconstructions, largest_seen_radius(radius_max, train_exclude))
    for target in ("radius", "area"):
        rows.append(("ols", target, "r2", metrics.ols_r2(codes, factors[target])))
    return pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])


def decoded_radius(images):
    """The radius of the disk in each image (N x 1 x H x W or N x H x W), from its area above half
    intensity: sqrt(#{pixels > 1/2} / pi). A blurred disk crosses 1/2 near its edge; a disk smaller
    than the blur decodes as 0."""
    area = (np.asarray(images).reshape(len(images), -1) > 0.5).sum(axis=1)
    return np.sqrt(area / np.pi)


def largest_seen_radius(radius_limit, train_exclude):
    """R of eq. 6: the largest radius training saw (an excluded tail lowers it)."""
    for low, high in sorted((train_exclude or {}).get("radius", []), reverse=True):
        if high >= radius_limit > low:
            radius_limit = low
    return radius_limit


def decoder_rows(reconstructions, seen_radius):
    """Newson 4.3 / app. B on decoded images: share of the radial profiles' energy in one
    h(r) f(t) term, and Pearson of that f with the optimum of eq. 7 on [0, R]."""
    rho, profiles = theory.radial_profiles(reconstructions[:, 0])
    _, learned_f = theory.rank_one_factors(profiles)
    optimum_rho, optimum_f = theory.optimal_profile(seen_radius)
    return [("decoder", "radial_profile", "rank1_energy", float(theory.rank_one_energy(profiles))),
            ("decoder", "radial_profile", "optimum_pearson",
             float(theory.profile_correlation(learned_f, rho, optimum_f, optimum_rho)))]
