"""Pihlgren et al.'s figures: table 1 as bars beside their numbers, fig. 1 (reconstructions by a
pixel-MSE decoder refitted on each encoder's frozen codes), and training curves."""

import numpy as np
import pandas as pd
import seaborn as sns

from ... import plots
from . import KINDS, SOURCE_OF

plt = plots.plt


def table1(table):
    """One panel per dataset: our held-out MLP metric per kind (mean ± sd over folds, one bar per
    embedding size), their published numbers as black diamonds."""
    datasets = list(dict.fromkeys(table["dataset"]))
    fig, axes = plt.subplots(1, len(datasets), figsize=(5 * len(datasets), 3.6), squeeze=False)
    for ax, dataset in zip(axes[0], datasets):
        rows = table[table["dataset"] == dataset]
        order = [k for k in KINDS if k in set(rows["kind"])]
        sizes = sorted(rows["embedding"].unique())
        width = 0.8 / len(sizes)
        for i, size in enumerate(sizes):
            part = rows[rows["embedding"] == size].set_index("kind").reindex(order)
            x = np.arange(len(order)) - 0.4 + width * (i + 0.5)
            ax.bar(x, part["mean"], width, yerr=part["sd"].fillna(0), capsize=3, label=f"ours, z = {size}",
                   color=sns.color_palette("colorblind")[i])
        for j, source in enumerate(SOURCE_OF[dataset]):
            first = rows.drop_duplicates("kind").set_index("kind").reindex(order)
            ax.scatter(np.arange(len(order)), first[f"source_{source}"], marker="dD"[j % 2], color="k",
                       zorder=3, label=f"theirs ({source})")
        metric = rows["metric"].iloc[0]
        ax.set_xticks(np.arange(len(order)), order)
        ax.set(title=f"{dataset}: held-out MLP", ylabel="mean L1 error (px)" if metric == "l1" else "accuracy (%)")
        ax.legend(fontsize=7)
    fig.tight_layout()
    return fig


def reconstructions(images, rows):
    """Originals, then per encoder its own reconstruction and the refitted pixel decoder's
    ({label: (n, 3, H, W)})."""
    return plots.image_rows([list(images)] + [list(r) for r in rows.values()], ["original", *rows])


def training_curves(histories, loss_network):
    """Training and validation loss per epoch of every encoder (one panel each; pixel and perceptual
    losses are on different scales), and the loss network's pretraining when it was trained here."""
    long = histories.melt(id_vars=["variant", "fold", "epoch"], value_vars=["loss", "val_loss"],
                          var_name="split", value_name="value")
    if len(loss_network):
        extra = loss_network.melt(id_vars=["epoch"], value_vars=["loss", "val_loss"], var_name="split",
                                  value_name="value").assign(variant="loss network (pretraining)", fold=0)
        long = pd.concat([long, extra], ignore_index=True)
    long = long.assign(run="fold " + long["fold"].astype(str))
    grid = sns.relplot(data=long, x="epoch", y="value", col="variant", hue="run", style="split", kind="line",
                       col_wrap=4, height=2.4, aspect=1.2, facet_kws={"sharey": False, "sharex": False}, estimator=None)
    grid.set_titles("{col_name}")
    grid.set_ylabels("loss")
    return grid.figure
