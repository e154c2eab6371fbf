"""Figures: one seaborn style for all; functions take arrays/tables and return a Figure."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import seaborn as sns  # noqa: E402

sns.set_theme(context="paper", style="whitegrid", palette="colorblind")


def image_rows(rows, row_labels, column_titles=None):
    """A grid of grey images: rows[i][j] is an (H, W) array in [0, 1]."""
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
    fig.tight_layout()
    return fig


def disk_reconstructions(images, reconstructions, radii):
    """Newson fig. 2: held-out inputs (top) and their reconstructions (bottom), by radius."""
    return image_rows([images, reconstructions], ["input", "output"], [f"r={r:.1f}" for r in radii])


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
