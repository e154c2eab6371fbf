"""The shape-space study's figures (his part 8 fig. 2, part 9 fig. 1, and ours): tables and arrays
in, a Figure out."""
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ... import plots  # the one style of every figure
from . import SOURCE, chosen_on_validation, failure_fractions, roles


def mapping_bars(scores, variants):
    """Part 9 fig. 1: held-out R^2 into the similarity space, linear / lasso / multi-task for the
    default and best autoencoders and for the classifier, mean +- sd over folds (bars, dots per
    fold); his numbers as black diamonds. Multi-task: the weight lambda of each base chosen on the
    validation R^2 of its head."""
    found = roles(variants)
    space = scores[(scores["target"] == "space") & (scores["metric"] == "r2")]
    bars = []

    def add(setting, kind, name, probe):
        values = space[(space["variant"] == name) & (space["probe"] == probe)]
        bars.extend({"setting": setting, "kind": kind, "fold": f, "r2": v, "variant": name}
                    for f, v in zip(values["fold"], values["value"]))

    def best_multitask(prefix, names):
        return chosen_on_validation(scores, [n for n in names if n.startswith(prefix)], "head")[0]

    for setting in ("default", "best"):
        if setting in found["autoencoder"]:
            add(setting, "linear", setting, "linear")
            add(setting, "lasso", setting, "lasso")
        name = best_multitask(setting, found["multitask"])
        if name:
            add(setting, "multitask", name, "head")
    for name in found["classifier"][:1]:
        add("classifier", "linear", name, "linear")
        add("classifier", "lasso", name, "lasso")
    for name in found["classifier_multitask"][:1]:
        add("classifier", "multitask", name, "head")
    table = pd.DataFrame(bars, columns=["setting", "kind", "fold", "r2", "variant"])
    order, hue_order = ["default", "best", "classifier"], ["linear", "lasso", "multitask"]
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    sns.barplot(data=table, x="setting", y="r2", hue="kind", order=order, hue_order=hue_order,
                errorbar="sd", ax=ax, alpha=0.8)
    sns.stripplot(data=table, x="setting", y="r2", hue="kind", order=order, hue_order=hue_order,
                  dodge=True, color="0.2", size=3, legend=False, ax=ax)
    width = 0.8 / len(hue_order)
    for i, setting in enumerate(order):
        for j, kind in enumerate(hue_order):
            source = SOURCE.get((setting, kind))
            if source is not None:
                x = i - 0.4 + width * (j + 0.5)
                ax.plot(x, source, "D", color="black", markersize=5,
                        label="Bechberger" if (i, j) == (0, 0) else None)
    ax.axhline(0, color="0.3", lw=0.8)
    ax.set_ylabel("held-out R$^2$ (4-D space)")
    ax.set_xlabel("")
    ax.legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    return fig


def reconstructions(originals, rows, labels):
    """Part 8 fig. 2a: held-out originals and the reconstructions of each setting."""
    return plots.image_rows([originals, *rows], ["original", *labels])


def noise_examples(inputs, outputs, titles):
    """Part 8 fig. 2b-c: noisy inputs (top) and their reconstructions (bottom)."""
    return plots.image_rows([inputs, outputs], ["noisy input", "reconstruction"], titles)


def bce_against_noise(noise):
    """Test BCE against the input noise level, per variant (mean over patterns; a line per fold;
    dashed grey: the all-white page's BCE), and the failure fraction f(p) of the denoise claims with
    their thresholds (0.2 at 10 %, 0.5 at 55 %)."""
    mean = noise.groupby(["variant", "fold", "noise"], as_index=False)["bce"].mean()
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4))
    sns.lineplot(data=mean, x="noise", y="bce", hue="variant", units="fold", estimator=None, marker="o",
                 ax=axes[0])
    axes[0].axhline(noise["blank_bce"].mean(), color="0.5", ls="--", lw=0.8)
    axes[0].set_xlabel("salt-and-pepper noise p")
    axes[0].set_ylabel("test BCE")
    fractions = failure_fractions(noise)
    sns.lineplot(data=fractions, x="noise", y="fraction", hue="variant", units="fold", estimator=None, marker="o",
                 ax=axes[1], legend=False)
    axes[1].plot([0.1], [0.2], "v", color="0.3", ms=7)  # f(10 %) must lie at or below
    axes[1].plot([0.55], [0.5], "^", color="0.3", ms=7)  # f(55 %) must reach
    axes[1].set_xlabel("salt-and-pepper noise p")
    axes[1].set_ylabel("failure fraction f(p)")
    fig.tight_layout()
    return fig


def nuisance_bars(scores, variants):
    """Held-out R^2 of decoding size and position (lasso) from the codes of every autoencoder and
    classifier: his explanation of the gap is that the AE keeps them, the classifier need not."""
    found = roles(variants)
    kinds = {name: kind for kind in ("autoencoder", "classifier") for name in found[kind]}
    table = scores[(scores["probe"] == "lasso") & (scores["metric"] == "r2")
                   & scores["target"].isin(["size", "position", "space"]) & scores["variant"].isin(kinds)]
    table = table.assign(encoder=table["variant"].map(kinds))
    fig, ax = plt.subplots(figsize=(7, 3.6))
    sns.barplot(data=table, x="target", y="value", hue="variant", order=["size", "position", "space"],
                errorbar="sd", ax=ax)
    ax.set_ylabel("held-out R$^2$ (lasso)")
    ax.set_xlabel("decoded factor")
    ax.legend(fontsize=7, ncols=2)
    fig.tight_layout()
    return fig


def classifier_accuracy(histories, scores):
    """Did the classifiers learn? Held-out (validation) accuracy per epoch of every classifier
    variant and fold, the test accuracy of the chosen epoch's model (dots at its best epoch) and
    the majority baseline (dashed)."""
    fig, ax = plt.subplots(figsize=(6, 3.4))
    colours = dict(zip(histories, sns.color_palette(n_colors=max(len(histories), 1))))
    for (variant, fold), history in histories.items():
        ax.plot(history["epoch"], history["val_accuracy"], color=colours[variant, fold], lw=1,
                label=f"{variant} fold {fold}")
        test = scores[(scores["variant"] == variant) & (scores["fold"] == fold) & (scores["probe"] == "classifier")
                      & (scores["metric"] == "accuracy")]["value"]
        monitor = "val_mapping_loss" if "val_mapping_loss" in history else "val_loss"
        if len(test):
            ax.plot(history["epoch"][history[monitor].idxmin()], test.iloc[0], "o", color=colours[variant, fold])
    majority = scores[(scores["probe"] == "majority") & (scores["metric"] == "accuracy")]["value"]
    if len(majority):
        ax.axhline(majority.mean(), color="0.3", ls="--", lw=0.8, label="majority class")
    ax.set_xlabel("epoch")
    ax.set_ylabel("accuracy (held-out drawings)")
    ax.set_ylim(0, 1)
    ax.legend(fontsize=7)
    fig.tight_layout()
    return fig
