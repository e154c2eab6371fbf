"""Figures: one seaborn style for all; functions take arrays/tables and return a Figure."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import seaborn as sns  # noqa: E402

from .claims import VERDICTS  # noqa: E402

sns.set_theme(context="paper", style="whitegrid", palette="colorblind")


SEEN, UNSEEN = "#1a9850", "#d73027"  # green: radius seen in training; red: never seen (Newson figs 5-6)


def image_rows(rows, row_labels, column_titles=None, border_colours=None):
    """A grid of images: rows[i][j] is a grey (H, W) or colour (3, H, W) array in [0, 1]; optional
    border colour per column."""
    n_rows, n_cols = len(rows), len(rows[0])
    fig, axes = plt.subplots(n_rows, n_cols, figsize=(1.1 * n_cols + 0.8, 1.1 * n_rows + 0.3),
                             squeeze=False)
    for i, (row, label) in enumerate(zip(rows, row_labels)):
        for j, image in enumerate(row):
            ax = axes[i, j]
            image = np.moveaxis(image, 0, -1) if image.ndim == 3 else image
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


def histories_table(paths):
    """Tidy per-epoch history of results/models/<experiment>/<variant>/fold<k>/history.csv files,
    with their variant and fold."""
    import re

    import pandas as pd

    tables = []
    for path in paths:
        variant, fold = re.search(r"([^/]+)/fold(\d+)/history\.csv$", str(path)).groups()
        tables.append(pd.read_csv(path).assign(variant=variant, fold=int(fold)))
    return pd.concat(tables, ignore_index=True)


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


VERDICT_COLOURS = dict(zip(VERDICTS, [SEEN, UNSEEN, "#e6a117", "0.6"]))  # yes, no, inconclusive, not measured
STATUS_COLOURS = {"learned": "#4575b4", "unconverged": VERDICT_COLOURS["inconclusive"], "collapsed": UNSEEN}


def claims_table(claims):
    """One row per published finding: measured mean ± sd, the source's own number, threshold, a
    coloured verdict (yes / no / inconclusive / not measured), and under the table the note of every
    inconclusive row (which models did not learn)."""
    import textwrap

    notes = [f"{c.id}: {c.note}" for c in claims.itertuples() if c.holds == "inconclusive"]
    wrapped = [textwrap.fill(note, 150, subsequent_indent="    ") for note in notes]
    note_lines = sum(n.count("\n") + 1 for n in wrapped)
    thresholds = [textwrap.fill(str(c.threshold), 20) for c in claims.itertuples()]  # long ones on two lines
    lines = [1] + [t.count("\n") + 1 for t in thresholds]  # per table row, the header first
    row_height, notes_height = 0.3, 0.13 * (note_lines + 1) if wrapped else 0
    fig = plt.figure(figsize=(12, row_height * sum(lines) + 0.5 + notes_height))
    table_height = row_height * sum(lines) / fig.get_figheight()
    ax = fig.add_axes([0.01, 1 - table_height - 0.4 / fig.get_figheight(), 0.98, table_height])
    ax.axis("off")
    cells = [[c.id, c.finding, f"{c.value:.4g} ± {c.spread:.2g}" if c.n else "-",
              "-" if np.isnan(c.source_value) else f"{c.source_value:.4g}", threshold, str(c.n), c.holds]
             for c, threshold in zip(claims.itertuples(), thresholds)]
    grid = ax.table(cells, colLabels=["claim", "finding", "measured (mean ± sd)", "source", "holds when", "n", "verdict"],
                    bbox=[0, 0, 1, 1], cellLoc="left", colWidths=[0.16, 0.31, 0.15, 0.08, 0.14, 0.04, 0.12])
    grid.auto_set_font_size(False)
    grid.set_fontsize(8)
    for (row, _), cell in grid.get_celld().items():  # bbox keeps the heights' proportions
        cell.set_height(lines[row])
    for row, claim in enumerate(claims.itertuples(), start=1):
        grid[row, 6].set_facecolor(VERDICT_COLOURS[claim.holds])
        grid[row, 6].get_text().set_color("white")
    counts = claims["holds"].value_counts()
    ax.set_title("  ".join(f"{verdict}: {counts.get(verdict, 0)}" for verdict in VERDICTS), fontsize=9)
    if wrapped:
        fig.text(0.01, notes_height / fig.get_figheight(), "inconclusive: a model the claim rests on did not learn\n"
                 + "\n".join(wrapped), va="top", fontsize=6.5, family="monospace")
    return fig


def convergence_curves(records, histories):
    """Monitored validation loss (val_loss, or a multi-task model's val_mapping_loss) over the
    trivial predictor's (1 = a constant output; log scale) against the
    fraction of the epoch cap, every model, one panel per experiment, coloured by how training
    ended (learned / unconverged / collapsed); the dashed line is the collapse level."""
    experiments = list(dict.fromkeys(records["experiment"]))
    fig, axes = plt.subplots(1, len(experiments), figsize=(3.2 * len(experiments) + 0.5, 3.2), squeeze=False)
    for ax, experiment in zip(axes[0], experiments):
        models = records[records["experiment"] == experiment]
        for model in models.itertuples():
            history = histories[model.history]
            monitor = getattr(model, "monitor", "val_loss")  # the loss that picked its epoch
            loss = history[monitor] if monitor in history else history["loss"]
            steps = history["epoch"] if "epoch" in history else history["step"]
            if len(loss) and model.trivial_val_loss > 0:
                ax.plot(steps / model.epoch_cap, loss / model.trivial_val_loss, lw=0.8, alpha=0.8,
                        marker="." if len(loss) < 3 else None, color=STATUS_COLOURS[model.status])
        ax.axhline(0.95, ls="--", lw=0.8, color="k")
        ax.set_yscale("log")
        counts = models["status"].value_counts()
        ax.set_title(f"{experiment}\n" + ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUS_COLOURS), fontsize=8)
        ax.set_xlabel("epoch / epoch cap")
    axes[0, 0].set_ylabel("validation loss / trivial predictor's")
    handles = [plt.Line2D([], [], color=c, label=s) for s, c in STATUS_COLOURS.items()]
    handles.append(plt.Line2D([], [], color="k", ls="--", label="collapse level (0.95)"))
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), fontsize=8)
    fig.tight_layout(rect=(0, 0.08, 1, 1))
    return fig


def scorecard_heatmap(best, training=None):
    """Encoders (rows) x factors (columns): the best probe's held-out R^2 (continuous) or accuracy
    (categorical), annotated with its value and the probe's name; R^2 below 0 drawn as 0. Encoders
    that did not learn (`training`: {variant: status}, anything but "learned") are hatched and
    their row label says why."""
    from matplotlib.patches import Patch, Rectangle

    values = best.pivot(index="variant", columns="factor", values="mean")
    labels = best.assign(label=best["mean"].map("{:.2f}".format) + "\n" + best["probe"])
    labels = labels.pivot(index="variant", columns="factor", values="label").loc[values.index, values.columns]
    fig, ax = plt.subplots(figsize=(0.9 * values.shape[1] + 3.5, 0.5 * values.shape[0] + 1.8))
    sns.heatmap(values.clip(lower=0), vmin=0, vmax=1, cmap="viridis", annot=labels, fmt="", ax=ax,
                annot_kws={"fontsize": 6}, cbar_kws={"label": "held-out R² or accuracy (best probe)"})
    failed = {v: s for v, s in (training or {}).items() if s != "learned" and v in values.index}
    for row, variant in enumerate(values.index):
        if variant in failed:
            ax.add_patch(Rectangle((0, row), values.shape[1], 1, fill=False, hatch="///", edgecolor="0.85", lw=0))
    ax.set_yticklabels([f"{v}\n({failed[v]})" if v in failed else v for v in values.index], fontsize=7, rotation=0)
    if failed:
        ax.legend(handles=[Patch(facecolor="none", edgecolor="0.5", hatch="///", label="did not learn (unconverged or collapsed)")],
                  loc="upper center", bbox_to_anchor=(0.5, -0.12), fontsize=7, frameon=False)
    ax.set_xlabel("factor")
    ax.set_ylabel("encoder (variant)")
    fig.tight_layout()
    return fig


def disentanglement_bars(overall):
    """Bars of MIG and DCI's three scores per encoder, one panel per experiment, sd over folds as
    error bars; a score undefined for an encoder (e.g. completeness of a 1-D code) has no bar."""
    scores = {("mig", "mig"): "MIG", ("dci", "disentanglement"): "DCI disentanglement",
              ("dci", "completeness"): "DCI completeness", ("dci", "informativeness"): "DCI informativeness"}
    experiments = list(dict.fromkeys(overall["experiment"]))
    fig, axes = plt.subplots(len(experiments), 1, figsize=(10, 2.8 * len(experiments)), squeeze=False)
    colours = sns.color_palette("colorblind", len(scores))
    width = 0.8 / len(scores)
    for ax, experiment in zip(axes[:, 0], experiments):
        rows = overall[overall["experiment"] == experiment].set_index(["probe", "metric", "variant"])
        encoders = list(dict.fromkeys(rows.index.get_level_values("variant")))
        for i, ((probe, metric), label) in enumerate(scores.items()):
            cells = [rows.loc[(probe, metric, v)] if (probe, metric, v) in rows.index else None for v in encoders]
            x = np.arange(len(encoders)) + (i - (len(scores) - 1) / 2) * width
            means = [np.nan if c is None else c["mean"] for c in cells]
            errors = [0 if c is None or np.isnan(c["std"]) else c["std"] for c in cells]
            ax.bar(x, means, width, yerr=errors, color=colours[i], label=label, capsize=1.5,
                   error_kw={"elinewidth": 0.8})
        ax.set_xticks(np.arange(len(encoders)), encoders, rotation=30, ha="right")
        ax.set_title(experiment)
        ax.set_ylabel("score")
        ax.set_ylim(0, 1.05)
        ax.legend(fontsize=7, ncols=4, loc="upper right")
    fig.tight_layout()
    return fig
