"""Bechberger's shape-space study (parts 8-9): transfer and multi-task mapping from autoencoder and
classifier features into a 4-D similarity space, decoding of size and position, the noise study,
and his findings measured on the scores (`claims`); `figures` draws them.

Every score is held out: probes are fitted on the non-test folds (codes of noisy images, as his
transfer setup) and scored on the clean test fold. Variants are found by their objective: an
autoencoder reconstructs, a classifier classifies, a multi-task variant also maps (mapping > 0);
"default" and "best" are the names his posts give the two autoencoder settings.
"""
import numpy as np
import pandas as pd

from ...claims import claim, per_fold, row

NUISANCE = {"size": ["size"], "position": ["x", "y"]}

# His committed five-fold results (part 9 fig. 1, part 8): R^2 into the 4-D space and test BCE.
SOURCE = {
    ("default", "linear"): 0.017, ("best", "linear"): -0.089,
    ("default", "lasso"): 0.163, ("best", "lasso"): 0.260,
    ("default", "multitask"): 0.34, ("best", "multitask"): 0.42,
    ("classifier", "lasso"): 0.52, ("classifier", "multitask"): 0.58,
    ("default", "bce"): 0.1303, ("best", "bce"): 0.0828,
}


def space_columns(factors):
    return [c for c in factors.columns if c.startswith("space_")]


def transfer_scores(features, factors, folds, betas):
    """Linear, lasso, zero and mean predictors of the similarity space from the codes of the
    labelled images: metric r2 fitted on the non-test folds (beta by CV over their folds) and scored
    on the test fold; val_r2 fitted on the training folds alone and scored on the validation fold's
    clean codes (what variants are chosen on). n_train / n_features: the test fit's labelled
    training codes and code width (the linear probe is underdetermined when n_train <= n_features)."""
    from ... import probes  # here: only scoring jobs pay scikit-learn's second of import
    targets = factors[space_columns(factors)].to_numpy()
    labelled = factors["labelled"].to_numpy() == 1
    rest, val_index = features["train_index"], validation_index(features)
    train, test = labelled[rest], labelled[features["index"]]
    table = probes.regression_scores(features["train_codes"][train], targets[rest[train]], folds[rest[train]],
                                     features["codes"][test], targets[features["index"][test]], betas)
    fit = train & ~np.isin(rest, val_index)
    val = labelled[val_index]
    groups = folds[rest[fit]]
    if len(np.unique(groups)) < 2:  # 3 folds leave one training fold: the beta's CV splits it by drawing
        groups = factors["drawing"].to_numpy()[rest[fit]].astype(int) % 2
    validation = probes.regression_scores(features["train_codes"][fit], targets[rest[fit]], groups,
                                          features["val_codes"][val], targets[val_index[val]], betas)
    validation["metric"] = "val_" + validation["metric"]
    size = pd.DataFrame([("linear", "n_train", int(train.sum())), ("linear", "n_features", features["codes"].shape[1])],
                        columns=["probe", "metric", "value"])
    return pd.concat([table, validation, size], ignore_index=True).assign(target="space")


def validation_index(features):
    if "val_index" not in features or "val_codes" not in features:
        raise KeyError("the features file has no validation codes (val_index, val_codes): it was extracted before "
                       "ShapeAE chose variants on validation; delete it to extract again")
    return features["val_index"]


def head_scores(features, factors):
    """R^2 of the mapping head (first 4 bottleneck units) on the labelled test images (r2) and on
    the labelled validation images (val_r2)."""
    from ... import probes  # here: only scoring jobs pay scikit-learn's second of import
    columns = space_columns(factors)
    labelled = factors["labelled"].to_numpy() == 1
    rows = []
    for metric, index, codes in (("r2", features["index"], features["codes"]),
                                 ("val_r2", validation_index(features), features["val_codes"])):
        keep = labelled[index]
        truth = factors[columns].to_numpy()[index[keep]]
        rows.append({"probe": "head", "target": "space", "metric": metric,
                     "value": probes.r2(truth, codes[keep][:, : len(columns)])})
    return pd.DataFrame(rows)


def classifier_scores(features, factors):
    """Test accuracy of a classifier's own head on the held-out unlabelled drawings (the kind it
    learned to classify), beside the majority baseline (the most frequent class of the training
    folds' unlabelled drawings)."""
    classes, unlabelled = factors["class"].to_numpy().astype(int), factors["labelled"].to_numpy() == 0
    test = unlabelled[features["index"]]
    train_classes = classes[features["train_index"][unlabelled[features["train_index"]]]]
    majority = np.bincount(train_classes).argmax()
    truth = classes[features["index"][test]]
    return pd.DataFrame([
        {"probe": "classifier", "target": "class", "metric": "accuracy",
         "value": float(np.mean(features["predicted_class"][test] == truth))},
        {"probe": "majority", "target": "class", "metric": "accuracy", "value": float(np.mean(truth == majority))},
    ])


def nuisance_scores(features, factors, folds, betas):
    """Held-out R^2 of decoding size and position (x, y) from the codes, all images."""
    from ... import probes  # here: only scoring jobs pay scikit-learn's second of import
    tables = []
    for target, columns in NUISANCE.items():
        values = factors[columns].to_numpy()
        table = probes.regression_scores(features["train_codes"], values[features["train_index"]],
                                         folds[features["train_index"]], features["codes"],
                                         values[features["index"]], betas)
        tables.append(table.assign(target=target))
    return pd.concat(tables, ignore_index=True)


def bce(reconstructions, images):
    """Mean per-pixel binary cross-entropy of reconstructions against images (both in [0, 1]), the
    reconstructions clipped to [1e-7, 1 - 1e-7] as Keras clips them."""
    r = np.clip(np.asarray(reconstructions, dtype=np.float64), 1e-7, 1 - 1e-7)
    x = np.asarray(images, dtype=np.float64)
    return float(-np.mean(x * np.log(r) + (1 - x) * np.log1p(-r)))


def evaluation(features, factors, folds, betas, mapping):
    """All held-out rows of one trained encoder: transfer, nuisance, mapping head (multi-task
    variants), classification accuracy (classifiers), test BCE (autoencoders)."""
    tables = [transfer_scores(features, factors, folds, betas), nuisance_scores(features, factors, folds, betas)]
    if mapping:
        tables.append(head_scores(features, factors))
    if len(features.get("predicted_class", ())):
        tables.append(classifier_scores(features, factors))
    if features.get("reconstructions") is not None and features["reconstructions"].size:
        value = bce(features["reconstructions"], features["images"])
        tables.append(pd.DataFrame([{"probe": "reconstruction", "target": "image", "metric": "bce", "value": value}]))
    return pd.concat(tables, ignore_index=True)


# An all-white output clipped as Keras clips what its BCE scores (his code is Keras): an exactly white
# page would score an infinite BCE on every stroke pixel.
BLANK_EPSILON = 1e-7


def blank_bce(images):
    """Mean per-pixel BCE of an all-white output (1 - BLANK_EPSILON) against the clean images: the
    failure level of the denoise claims' f(p)."""
    x = np.asarray(images, dtype=np.float64)
    return float(-np.mean(x * np.log1p(-BLANK_EPSILON) + (1 - x) * np.log(BLANK_EPSILON)))


REPORT_SUMMARY = ("Bechberger (shape-space parts 8-9): line drawings mapped into a 4-D similarity space by autoencoder "
                  "and classifier features. Does a regularised (lasso) map beat a linear one, multi-task training beat "
                  "transfer, classifier features beat autoencoder ones, and is 10 % salt-and-pepper noise filtered?")
CLAIM_IDS = ["lasso-beats-linear", "multitask-beats-transfer", "best-beats-default", "classifier-beats-ae",
             "ae-entangles", "denoise-10", "denoise-55"]


def roles(variants):
    """{role: [variant names]}: autoencoders for transfer, multi-task autoencoders, classifiers and
    multi-task classifiers, by objective."""
    found = {"autoencoder": [], "multitask": [], "classifier": [], "classifier_multitask": []}
    for name, spec in variants.items():
        objective = spec.get("objective", {})
        mapping = objective.get("mapping", 0) > 0
        if objective.get("reconstruction", 1) > 0:
            found["multitask" if mapping else "autoencoder"].append(name)
        elif objective.get("classification", 0) > 0:
            found["classifier_multitask" if mapping else "classifier"].append(name)
    return found


def chosen_on_validation(scores, names, probe, target="space"):
    """(name, per-fold test R^2) of the variant among `names` with the highest mean validation R^2
    (metric val_r2) of `probe`: the choice never reads a test score (ties: the first name)."""
    candidates = [(per_fold(scores, name, probe, target, "val_r2"), name) for name in names]
    candidates = [(values, name) for values, name in candidates if len(values)]
    if not candidates:
        return None, []
    _, name = max(candidates, key=lambda c: c[0].mean())
    return name, per_fold(scores, name, probe, target, "r2")


def underdetermined(scores, name):
    """Why the linear probe of `name` cannot fit ("" when it can): on some fold it had no more
    labelled training codes than code dimensions."""
    n_train, width = (per_fold(scores, name, "linear", "space", metric) for metric in ("n_train", "n_features"))
    both = n_train.index.intersection(width.index)
    short = [fold for fold in both if n_train[fold] <= width[fold]]
    if not short:
        return ""
    return (f"the linear probe is underdetermined (n <= d): {int(n_train[short[0]])} labelled training codes for "
            f"{int(width[short[0]])} code dimensions on fold {short[0]}")


def _difference(a, b):
    """Per-fold a - b over the folds both have."""
    both = a.index.intersection(b.index)
    return (a[both] - b[both]).to_numpy()


def claims(scores, noise, variants, records=None):
    """The rows of Bechberger's findings from the tidy score table and the noise-study table; the
    training table `records` says which models collapsed (left out of the noise findings)."""
    found = roles(variants)
    default = "default" if "default" in found["autoencoder"] else None
    best = "best" if "best" in found["autoencoder"] else None
    autoencoders = [name for name in (default, best) if name]  # his transfer settings (the grid is for BCE)
    rows = []

    def get(name, probe, target="space", metric="r2"):
        return per_fold(scores, name, probe, target, metric) if name else per_fold(scores, "", "", "", "")

    lasso_gain = _difference(get(best, "lasso"), get(best, "linear"))
    rows.append(row(claim("lasso-beats-linear", "Bechberger 9", "regularised transfer maps better",
                          "R2 lasso - R2 linear, 'best' AE"), lasso_gain, "> 0.05",
                    lambda v: v.mean() > 0.05, [best] if best else []))
    rows[-1]["source_value"] = SOURCE[("best", "lasso")] - SOURCE[("best", "linear")]
    rows[-1]["ill_posed"] = underdetermined(scores, best) if best else ""

    multitask_name, multitask = chosen_on_validation(scores, found["multitask"], "head")
    transfer_name, transfer = chosen_on_validation(scores, autoencoders, "lasso")
    gain = _difference(multitask, transfer) if multitask_name and transfer_name else []
    rows.append(row(claim("multitask-beats-transfer", "Bechberger 9", "multi-task beats transfer",
                          "head R2 of the multi-task AE - lasso R2 of the AE, each (variant, lambda) chosen "
                          "on validation R2"), gain, "> 0", lambda v: v.mean() > 0,
                    [n for n in (multitask_name, transfer_name) if n]))
    rows[-1]["source_value"] = SOURCE[("best", "multitask")] - SOURCE[("best", "lasso")]

    bce_gap = _difference(get(best, "reconstruction", "image", "bce"), get(default, "reconstruction", "image", "bce"))
    rows.append(row(claim("best-beats-default", "Bechberger 8", "tuned AE reconstructs better",
                          "test BCE best - default"), bce_gap if best and default else [], "< 0",
                    lambda v: v.mean() < 0, [n for n in (best, default) if n]))
    rows[-1]["source_value"] = SOURCE[("best", "bce")] - SOURCE[("default", "bce")]

    classifier_name, classifier = chosen_on_validation(scores, found["classifier"], "lasso")
    gap = _difference(classifier, transfer) if classifier_name and transfer_name else []
    rows.append(row(claim("classifier-beats-ae", "Bechberger 9", "classifier features map better",
                          "lasso R2 classifier - AE chosen on validation"), gap, "> 0", lambda v: v.mean() > 0,
                    [n for n in (classifier_name, transfer_name) if n]))
    rows[-1]["source_value"] = SOURCE[("classifier", "lasso")] - SOURCE[("best", "lasso")]

    def nuisance(name):
        return (get(name, "lasso", "size") + get(name, "lasso", "position")) / 2

    entangled = (_difference(nuisance(transfer_name), nuisance(classifier_name))
                 if classifier_name and transfer_name else [])
    rows.append(row(claim("ae-entangles", "Bechberger 9", "AE codes keep size and position",
                          "mean lasso R2(size, position) AE - classifier"), entangled, "> 0",
                    lambda v: v.mean() > 0, [n for n in (transfer_name, classifier_name) if n]))
    rows[-1]["source_value"] = np.nan

    rows += _denoise(noise, records, found["autoencoder"])
    return rows


def _denoise(noise, records, autoencoders):
    """denoise-10 / denoise-55 on the failure fraction f(p) of the noise study's autoencoders that did
    not collapse (a collapsed one outputs the blank page whatever its input: it filters nothing)."""
    fractions = failure_fractions(noise)
    collapsed = set()
    if records is not None and len(records):
        mine = records[(records["experiment"] == "shapespace") & records["collapsed"].astype(str).eq("True")]
        collapsed = set(zip(mine["variant"], mine["fold"].astype(int)))
    dropped = sorted({pair for pair in zip(fractions["variant"], fractions["fold"].astype(int)) if pair in collapsed})
    fractions = fractions[[pair not in collapsed for pair in zip(fractions["variant"], fractions["fold"].astype(int))]]
    rows = []
    for level, test, threshold, text in ((0.1, lambda v: v.mean() <= 0.2, "<= 0.2", "10 % noise is filtered"),
                                         (0.55, lambda v: v.mean() >= 0.5, ">= 0.5", "55 % noise is not")):
        values = fractions[fractions["noise"] == level]
        result = row(claim(f"denoise-{round(level * 100)}", "Bechberger 8", text,
                           f"failure fraction f({level:.0%}) = (BCE(p) - BCE(0)) / (BCE(blank) - BCE(0)), "
                           "non-collapsed AEs of the noise study"),
                     values["fraction"].to_numpy(), threshold, test, sorted(values["variant"].unique()))
        result["source_value"] = np.nan
        result["models"] = list(zip(values["variant"], values["fold"].astype(int)))
        if dropped:
            result["detail"] = "left out, collapsed: " + ", ".join(f"{v} fold {f}" for v, f in dropped)
        rows.append(result)
    return rows


def failure_fractions(noise):
    """f(p) = (BCE(p) - BCE(0)) / (BCE(blank) - BCE(0)) per (variant, fold, noise level > 0), patterns
    averaged: 0 when noise costs nothing, 1 when the reconstruction is as bad as a blank page."""
    if noise is None or noise.empty:
        return pd.DataFrame(columns=["variant", "fold", "noise", "bce", "fraction"])
    mean = noise.groupby(["variant", "fold", "noise"], as_index=False)[["bce", "blank_bce"]].mean()
    key = list(zip(mean["variant"], mean["fold"]))
    clean = mean[mean["noise"] == 0].set_index(["variant", "fold"])["bce"].loc[key].to_numpy()
    mean["fraction"] = (mean["bce"].to_numpy() - clean) / (mean["blank_bce"].to_numpy() - clean)
    return mean[mean["noise"] > 0]
