"""The disks experiment's figures (Newson et al. figs 2-8, 11-13): arrays and tables in, a Figure out."""
import matplotlib.pyplot as plt
import numpy as np
import seaborn as sns

from ... import plots  # the one style of every figure
from . import theory


def disk_reconstructions(images, reconstructions, radii, seen=None):
    """Newson figs 2, 5, 6: held-out inputs (top) and reconstructions (bottom), by radius; with
    `seen`, borders say whether training saw the radius (green) or not (red)."""
    colours = None if seen is None else [plots.SEEN if s else plots.UNSEEN for s in seen]
    return plots.image_rows([images, reconstructions], ["input", "output"], [f"r={r:.1f}" for r in radii], colours)


def disk_profiles(images, reconstructions, radii):
    """Newson figs 4, 13: inputs, outputs, and their radial profiles (dashed input, solid output)."""
    fig = plots.image_rows([images, reconstructions, images], ["input", "output", "profile"],
                           [f"r={r:.1f}" for r in radii])
    rho_in, profile_in = theory.radial_profiles(images)
    rho_out, profile_out = theory.radial_profiles(reconstructions)
    top = max(1.0, float(profile_out.max()))
    for ax, p_in, p_out in zip(fig.axes[2 * len(radii):], profile_in, profile_out):
        ax.clear()
        ax.set_aspect("auto")  # the image rows above fix an equal aspect
        ax.set_box_aspect(0.8)
        ax.plot(rho_in, p_in, "--", color="0.5", lw=1)
        ax.plot(rho_out, p_out, color="C0", lw=1.2)
        ax.set_ylim(min(0.0, float(profile_out.min())) - 0.05, top + 0.05)
        ax.set_xticks([0, 16, 32])
        ax.tick_params(labelsize=6)
    fig.axes[2 * len(radii)].set_ylabel("profile")
    return fig


def decoder_theory(radius, z, h_optimal, rho, learned_f, optimum_rho, optimum_f, airy_f, seen_radius):
    """Newson figs 11-12: z against the optimal h(r) = <f, 1_Br> (left); the learned profile f
    against the optimum of eq. 7 and its Airy closed form (right), each scaled to f(0) = 1."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.6))
    left.scatter(h_optimal, z, s=6, c=radius, cmap="viridis")
    left.set(xlabel="optimal h(r) = <f, 1_Br>", ylabel="code z", title="fig. 11")
    right.plot(rho, learned_f / learned_f[0], label="learned f (rank-one factor)")
    right.plot(optimum_rho, optimum_f / optimum_f[0], "--", label="optimum of eq. 7 (numerical)")
    right.plot(optimum_rho, airy_f, ":", lw=2, label="Airy closed form")
    right.axvline(seen_radius, color="0.6", lw=0.8)
    right.set(xlabel="radius t (px)", ylabel="f(t) / f(0)", title=f"fig. 12 (R = {seen_radius:g})")
    right.legend(fontsize=7)
    fig.tight_layout()
    return fig


def regularisation_curves(table, hole, examples, example_labels):
    """Newson fig. 7: disk radius against code z for each regulariser, one line per repeat (fold),
    the unseen radii shaded (top); the decoded disk's radius error against the radius, all repeats
    (top right, `radius_error` of the table); one unseen disk and each regulariser's output (bottom)."""
    variants = list(dict.fromkeys(table["variant"]))
    fig, axes = plt.subplots(2, len(variants) + 1, figsize=(2.6 * (len(variants) + 1), 5),
                             gridspec_kw={"height_ratios": [1.4, 1]})
    radius_errors(table, hole, axes[0, -1])
    for ax, variant in zip(axes[0], variants):
        for fold, part in table[table["variant"] == variant].groupby("fold"):
            part = part.sort_values("z")
            ax.plot(part["z"], part["radius"], lw=1, label=f"fold {fold}")
        ax.axhspan(*hole, color=plots.UNSEEN, alpha=0.15, lw=0)
        ax.set(title=variant, xlabel="code z")
    axes[0, 0].set_ylabel("disk radius r")
    axes[0, 0].legend(fontsize=6)
    for ax, image, label in zip(axes[1], examples, example_labels):
        ax.imshow(np.clip(image, 0, 1), cmap="gray", vmin=0, vmax=1)
        ax.set(xticks=[], yticks=[], title=label)
    fig.tight_layout()
    return fig


def radius_errors(table, hole, ax):
    """|decoded radius - radius| against the radius, binned (1 px), per variant over its repeats; the
    legend gives the mean inside and outside the hole."""
    low, high = hole
    table = table.assign(bin=table["radius"].round())
    inside = (table["radius"] >= low) & (table["radius"] < high)
    for i, (variant, part) in enumerate(table.groupby("variant", sort=False)):
        curve = part.groupby("bin")["radius_error"].mean()
        ax.plot(curve.index, curve.to_numpy(), lw=1, color=f"C{i}",
                label=f"{variant}: {part['radius_error'][inside].mean():.1f} in / "
                      f"{part['radius_error'][~inside].mean():.1f} out")
    ax.axvspan(low, high, color=plots.UNSEEN, alpha=0.15, lw=0)
    ax.set(xlabel="disk radius r", ylabel="|decoded radius - r| (px)", title="decoded radius error")
    ax.legend(fontsize=5)


def lambda_sweep(rows, row_labels, column_titles, border_colours, sweep):
    """Newson fig. 8: disks around and in the hole decoded by psi3 at each lambda (left), and hole
    and outside MSE against lambda per fold, test and validation (right; `sweep`: lambda, fold,
    series, mse)."""
    fig = plots.image_rows(rows, row_labels, column_titles, border_colours)
    width, height = fig.get_size_inches()
    extra = 4.5
    fig.set_size_inches(width + extra, height)
    share = width / (width + extra)
    for ax in fig.axes:
        box = ax.get_position()
        ax.set_position([box.x0 * share, box.y0, box.width * share, box.height])
    ax = fig.add_axes([share + 0.07 * (1 - share) + 0.04, 0.18, (1 - share) * 0.7, 0.7])
    sns.lineplot(data=sweep, x="lambda", y="mse", hue="series", style="fold", markers=True, dashes=False, ax=ax)
    ax.set(xscale="log", yscale="log", xlabel="λ (psi3 weight)", ylabel="MSE", title="hole MSE against λ")
    ax.legend(fontsize=6)
    return fig


def latent_interpolation(decoded, codes):
    """Newson fig. 3 (left): decoded images for linearly spaced codes z."""
    return plots.image_rows([decoded], ["decoded"], [f"z={z:.3g}" for z in codes])


def code_against_size(table):
    """Newson fig. 3 (right): held-out codes z against radius and against area, one hue per fold."""
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4), sharey=True)
    for ax, factor in zip(axes, ["radius", "area"]):
        sns.scatterplot(data=table, x=factor, y="z", hue="fold", s=8, linewidth=0, ax=ax,
                        palette="colorblind", legend=ax is axes[-1])
        ax.set_xlabel(f"disk {factor} (px{'²' if factor == 'area' else ''})")
    axes[0].set_ylabel("code z")
    fig.tight_layout()
    return fig
