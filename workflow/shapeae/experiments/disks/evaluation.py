"""Held-out scores of a disk autoencoder on one fold (Newson et al. sections 4.1-4.4), as tidy rows
(probe, target, metric, value); `shapeae.scores.tag` adds the experiment, variant and fold."""
import pandas as pd

from ... import datasets, metrics
from . import theory


def disk_scores(images, reconstructions, codes, factors, radius_bins, radius_max, train_exclude=None):
    """Held-out scores of a disk autoencoder (Newson et al. sections 4.1-4.4).

    reconstruction MSE overall, per radius bin, and (when training excluded some radii) on the
    radii seen in training and on those never seen; |Spearman(z, r)|; R^2 of z ~ r and z ~ r^2.
    """
    errors = metrics.per_image_mse(images, reconstructions)
    radius = factors["radius"].to_numpy()
    rows = [("reconstruction", "image", "mse", float(errors.mean()))]
    for lo, hi, value in zip(radius_bins[:-1], radius_bins[1:],
                             metrics.binned_mse(errors, radius, radius_bins)):
        rows.append(("reconstruction", f"image_r{lo:g}-{hi:g}", "mse", value))
    if train_exclude:
        seen = datasets.outside(factors, train_exclude)
        rows.append(("reconstruction", "image_seen", "mse", float(errors[seen].mean())))
        rows.append(("reconstruction", "image_unseen", "mse", float(errors[~seen].mean())))
    rows.append(("code", "radius", "abs_spearman", metrics.abs_spearman(codes, radius)))
    rows += decoder_rows(reconstructions, largest_seen_radius(radius_max, train_exclude))
    for target in ("radius", "area"):
        rows.append(("ols", target, "r2", metrics.ols_r2(codes, factors[target])))
    return pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])


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
