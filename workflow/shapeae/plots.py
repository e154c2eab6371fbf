"""Figures: one seaborn style for all; functions take arrays/tables and return a Figure."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import seaborn as sns  # noqa: E402

sns.set_theme(context="paper", style="whitegrid", palette="colorblind")


SEEN, UNSEEN = "#1a9850", "#d73027"  # green: radius seen in training; red: never seen (Newson figs 5-6)


def image_rows(rows, row_labels, column_titles=None, border_colours=None):
    """A grid of grey images: rows[i][j] is an (H, W) array in [0, 1]; optional colour per column."""
    n_rows, n_cols = len(rows), len(rows[0])
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(1.1 * n_cols + 0.8, 1.1 * n_rows + 0.3),
                             squeeze=False)
    for i, (row, label) in enumerate(zip(rows, row_labels)):
        for j, image in enumerate(row):
            ax = axes[i, j]
            ax.imshow(np.clip(image, 0, 1), cmap="gray", vmin=0, vmax=1)
            ax.set_xticks([])
            ax.set_yticks([])
            if j == 0:
                ax.set_ylabel(label)
            if i == 0 and column_titles is not None:
                ax.set_title(column_titles[j], fontsize=8)
            if border_colours is not None:
                for spine in ax.spines.values():
                    spine.set(edgecolor=border_colours[j], linewidth=3)
    fig.tight_layout()
    return fig


def disk_reconstructions(images, reconstructions, radii, seen=None):
    """Newson figs 2, 5, 6: held-out inputs (top) and reconstructions (bottom), by radius; with
    `seen`, borders say whether training saw the radius (green) or not (red)."""
    colours = None if seen is None else [SEEN if s else UNSEEN for s in seen]
    return image_rows([images, reconstructions], ["input", "output"], [f"r={r:.1f}" for r in radii], colours)


def disk_profiles(images, reconstructions, radii):
    """Newson figs 4, 13: inputs, outputs, and their radial profiles (dashed input, solid output)."""
    from . import theory

    fig = image_rows([images, reconstructions, images], ["input", "output", "profile"],
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
    the unseen radii shaded (top); one unseen disk and each regulariser's output (bottom)."""
    variants = list(dict.fromkeys(table["variant"]))
    fig, axes = plt.subplots(2, len(variants) + 1, figsize=(2.6 * (len(variants) + 1), 5),
                             gridspec_kw={"height_ratios": [1.4, 1]})
    axes[0, -1].axis("off")
    for ax, variant in zip(axes[0], variants):
        for fold, part in table[table["variant"] == variant].groupby("fold"):
            part = part.sort_values("z")
            ax.plot(part["z"], part["radius"], lw=1, label=f"fold {fold}")
        ax.axhspan(*hole, color=UNSEEN, alpha=0.15, lw=0)
        ax.set(title=variant, xlabel="code z")
    axes[0, 0].set_ylabel("disk radius r")
    axes[0, 0].legend(fontsize=6)
    for ax, image, label in zip(axes[1], examples, example_labels):
        ax.imshow(np.clip(image, 0, 1), cmap="gray", vmin=0, vmax=1)
        ax.set(xticks=[], yticks=[], title=label)
    fig.tight_layout()
    return fig


def latent_interpolation(decoded, codes):
    """Newson fig. 3 (left): decoded images for linearly spaced codes z."""
    return image_rows([decoded], ["decoded"], [f"z={z:.3g}" for z in codes])


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


def training_curves(history):
    """Training and validation loss per epoch (log scale), one line per fold."""
    long = history.melt(id_vars=["fold", "epoch"], value_vars=["loss", "val_loss"],
                        var_name="split", value_name="mse")
    fig, ax = plt.subplots(figsize=(6, 3.6))
    sns.lineplot(data=long, x="epoch", y="mse", hue="fold", style="split", ax=ax,
                 palette="colorblind", estimator=None)
    ax.set_yscale("log")
    ax.set_ylabel("loss")
    fig.tight_layout()
    return fig


def score_strips(scores):
    """Every per-fold score as a dot, one panel per metric, variants on the x axis."""
    scores = scores.assign(score=scores["probe"] + ":" + scores["target"] + ":" + scores["metric"])
    grid = sns.catplot(data=scores, x="variant", y="value", col="score", col_wrap=4, kind="strip",
                       sharey=False, height=2.4, aspect=1.1, hue="fold", palette="colorblind")
    grid.set_titles("{col_name}", size=7)
    grid.tick_params(axis="x", rotation=45)
    return grid.figure


def save(fig, path, dpi):
    fig.savefig(path, dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)


def claims_table(claims):
    """One row per published finding: measured mean ± sd, threshold, and a coloured verdict."""
    colours = {"yes": SEEN, "no": UNSEEN, "not measured": "0.6"}
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(claims) + 0.8))
    ax.axis("off")
    cells = [[c.id, c.finding, f"{c.value:.4g} ± {c.spread:.2g}" if c.n else "-", c.threshold, str(c.n), c.holds]
             for c in claims.itertuples()]
    grid = ax.table(cells, colLabels=["claim", "finding", "measured (mean ± sd)", "holds when", "n", "holds"],
                    loc="center", cellLoc="left", colWidths=[0.16, 0.42, 0.16, 0.1, 0.04, 0.12])
    grid.auto_set_font_size(False)
    grid.set_fontsize(8)
    grid.scale(1, 1.4)
    for row, claim in enumerate(claims.itertuples(), start=1):
        grid[row, 5].set_facecolor(colours[claim.holds])
        grid[row, 5].get_text().set_color("white")
    fig.tight_layout()
    return fig


def position_filters(filters):
    """Newson fig. 9: learned 3-tap filter of each layer (columns) per training setup (rows), one
    line per repeat, each scaled to unit norm and sign-matched to [1, 2, 1] (dashed)."""
    variants = list(dict.fromkeys(filters["variant"]))
    layers = sorted(filters["layer"].unique())
    reference = np.array([1.0, 2.0, 1.0]) / np.sqrt(6.0)
    fig, axes = plt.subplots(len(variants), len(layers), figsize=(1.7 * len(layers), 1.9 * len(variants)),
                             sharey=True, squeeze=False)
    for row, variant in zip(axes, variants):
        for ax, layer in zip(row, layers):
            part = filters[(filters["variant"] == variant) & (filters["layer"] == layer)]
            for _, taps in part.groupby("repeat"):
                w = taps.sort_values("tap")["weight"].to_numpy()
                w = w / (np.linalg.norm(w) or 1.0)
                ax.plot([-1, 0, 1], w * np.sign(w @ reference or 1.0), marker="o", lw=1, alpha=0.7)
            ax.plot([-1, 0, 1], reference, "k--", lw=1)
            ax.set_xticks([-1, 0, 1])
            ax.set_title(f"{variant}, layer {layer}", fontsize=7)
    fig.tight_layout()
    return fig


def position_decoding(outputs, positions):
    """Newson fig. 10: each decoder's output for increasing positions (rows), normalised per row."""
    fig, axes = plt.subplots(1, len(outputs), figsize=(4 * len(outputs), 4), squeeze=False)
    for ax, (variant, y) in zip(axes[0], outputs.items()):
        peak = np.abs(y).max(axis=1, keepdims=True)
        ax.imshow(y / np.where(peak > 0, peak, 1), aspect="auto", cmap="magma", vmin=-0.2, vmax=1,
                  extent=[-0.5, y.shape[1] - 0.5, positions[-1], positions[0]])
        ax.plot(positions, positions, color="cyan", lw=0.6, ls=":")
        ax.set(title=f"trained on {variant} positions", xlabel="t", ylabel="position a (half-integers)")
    fig.tight_layout()
    return fig
