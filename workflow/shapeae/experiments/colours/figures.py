"""The coloured-shapes figures: reconstructions, the report's fig. 4 (a 2-D map of the embeddings)
and fig. 5 (nearest neighbours), k-NN accuracy with its spread, and training curves."""

import numpy as np
import pandas as pd
import seaborn as sns

from ... import plots
from ...datasets import colours as colour_data
from . import base_variant

plt = plots.plt


def reconstructions(images, outputs):
    """Originals above the reconstructions of each autoencoder ({label: (n, 3, H, W)})."""
    return plots.image_rows([list(images)] + [list(o) for o in outputs.values()], ["original", *outputs])


def embedding_map(codes, seed):
    """2-D t-SNE of the codes (deterministic for a seed)."""
    from sklearn.manifold import TSNE  # here: the other figure jobs need no scikit-learn

    perplexity = min(30.0, (len(codes) - 1) / 3)
    return TSNE(2, perplexity=perplexity, init="pca", random_state=seed).fit_transform(codes)


def embedding(maps, factors):
    """The report's fig. 4 for each encoder ({label: (N, 2) map}): each point drawn in its shape's
    true colour (left), and the same points by shape (right)."""
    palette = colour_data.palette_array()
    shapes = [colour_data.SHAPES[int(s)] for s in factors["shape"]]
    fig, axes = plt.subplots(len(maps), 2, figsize=(8, 3.8 * len(maps)), squeeze=False)
    for (label, xy), (left, right) in zip(maps.items(), axes):
        left.scatter(xy[:, 0], xy[:, 1], c=palette[factors["colour"].to_numpy(int)], s=8, edgecolors="none")
        left.set_title(f"{label}: true colour", fontsize=9)
        sns.scatterplot(x=xy[:, 0], y=xy[:, 1], hue=shapes, style=shapes, hue_order=colour_data.SHAPES,
                        style_order=colour_data.SHAPES, s=12, ax=right, palette="colorblind", linewidth=0)
        right.set_title(f"{label}: shape", fontsize=9)
        for ax in (left, right):
            ax.set_xticks([])
            ax.set_yticks([])
    fig.tight_layout()
    return fig


def nearest(query_codes, database_codes, k):
    """Indices (n_queries, k) of each query's k nearest database codes (Euclidean)."""
    from sklearn.neighbors import NearestNeighbors

    return NearestNeighbors(n_neighbors=k).fit(database_codes).kneighbors(query_codes, return_distance=False)


def neighbours(query_images, neighbour_images):
    """The report's fig. 5: each query (first column) and its k nearest neighbours under each encoder
    ({label: (n_queries, k, 3, H, W)}), one block of columns per encoder."""
    rows, titles = [], ["query"]
    for label, images in neighbour_images.items():
        titles += [f"{label} {j + 1}" for j in range(images.shape[1])]
    for i, query in enumerate(query_images):
        rows.append([query] + [image for images in neighbour_images.values() for image in images[i]])
    labels = [f"query {i + 1}" for i in range(len(rows))]
    return plots.image_rows(rows, labels, titles)


def knn_accuracy(scores):
    """k-NN accuracy of colour and shape per encoder: mean and sd over folds and seeds, each run a
    dot, the majority baseline as a grey bar behind."""
    rows = scores[(scores["metric"] == "accuracy") & scores["probe"].isin(["knn", "majority"])]
    rows = rows.assign(encoder=rows["variant"].map(base_variant))
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.8), sharey=True)
    for ax, target in zip(axes, ["colour", "shape"]):
        data = rows[rows["target"] == target]
        knn, majority = data[data["probe"] == "knn"], data[data["probe"] == "majority"]
        order = list(dict.fromkeys(knn["encoder"]))
        sns.barplot(data=majority, x="encoder", y="value", order=order, color="0.85", errorbar=None, ax=ax,
                    label="majority baseline")
        sns.barplot(data=knn, x="encoder", y="value", order=order, errorbar="sd", ax=ax, alpha=0.8,
                    color=sns.color_palette("colorblind")[0], label="5-NN (mean ± sd)", width=0.5)
        sns.stripplot(data=knn, x="encoder", y="value", order=order, color="k", size=3, ax=ax)
        ax.axhline(0.9, color="0.3", linestyle=":", linewidth=1)
        ax.set(title=f"{target}, held out", xlabel="", ylabel="accuracy", ylim=(0, 1.02))
        ax.tick_params(axis="x", rotation=30)
    axes[0].legend(loc="lower left", fontsize=7)
    fig.tight_layout()
    return fig


def training_curves(histories):
    """Training and validation loss per epoch, one panel per encoder, one line per seed and fold.
    histories: tidy (variant, fold, epoch, loss, val_loss)."""
    long = histories.melt(id_vars=["variant", "fold", "epoch"], value_vars=["loss", "val_loss"],
                          var_name="split", value_name="value")
    long = long.assign(encoder=long["variant"].map(base_variant), run=long["variant"] + " f" + long["fold"].astype(str))
    grid = sns.relplot(data=long, x="epoch", y="value", col="encoder", hue="run", style="split", kind="line",
                       col_wrap=3, height=2.6, aspect=1.2, facet_kws={"sharey": False, "sharex": False}, estimator=None,
                       legend=False)
    grid.set_titles("{col_name}")
    grid.set_ylabels("loss (solid: train, dashed: validation)")
    return grid.figure


def query_items(factors, n, seed):
    """n query rows spread over colours and shapes."""
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(factors))
    picked, seen = [], set()
    for i in order:
        key = (int(factors["colour"].iloc[i]), int(factors["shape"].iloc[i]))
        if key not in seen:
            picked.append(i)
            seen.add(key)
        if len(picked) == n:
            break
    return np.array(picked)
