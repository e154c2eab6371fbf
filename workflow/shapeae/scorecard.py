"""The scorecard: every learned representation scored the same way against every known factor of its
dataset, on the held-out fold (DESIGN.md "Features and probes").

Per factor: held-out R^2 (continuous) or accuracy (categorical) of
- `linear`: probes.linear (LinearRegression);
- `lasso`: probes.lasso (beta by cross-validation over the training items' folds);
  for a category both are fitted to the one-hot labels and predict the class of the largest output
  (least-squares classifiers: the same estimators for every factor, and fast at d = 512, where L1
  logistic regression over the beta grid cost seconds per fit);
- `mlp`: the probes.mlp_host MLPs fitted on the training folds, chosen on the validation fold;
- `knn` (categories only, k from the settings);
- baselines `mean` (R^2 of the training mean) and `majority`;
and MIG and DCI over all scored factors (disentanglement.py), with MIG's per-factor gap and DCI's
per-factor informativeness. Factors whose values are NaN for some items (shape space's target
coordinates exist for labelled drawings only) are scored on the items that have them.
"""
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score

from . import disentanglement, probes

COLUMNS = ["experiment", "variant", "fold", "factor", "probe", "metric", "value"]


def one_hot_classifier(fit, x, labels, groups, n_classes, **options):
    """A regression probe as a classifier: `fit` (probes.linear or probes.lasso) on the one-hot
    labels, predicting the class of the largest output (a least-squares classifier)."""
    model = fit(x, np.eye(n_classes)[labels.astype(int)], groups, **options)
    return lambda codes: np.asarray(model.predict(codes)).reshape(len(codes), -1).argmax(axis=1)


def _mlp(train, val, test, n_classes, settings, seed):
    options = {k: settings[k] for k in ("max_epochs", "patience", "batch_size")}
    hosts = [tuple(h) for h in settings["hosts"]]
    model, _ = probes.mlp_host(train[0], train[1], val[0], val[1], n_classes=n_classes, hosts=hosts, seed=seed,
                               **options)
    return model.predict(test[0])


def categorical_rows(train, val, test, groups, settings, seed):
    """(probe, metric, value) rows of one categorical factor; train/val/test are (codes, labels),
    labels 0..K-1 over the whole dataset (so the MLP has an output for every class)."""
    rest_x, rest_y = np.r_[train[0], val[0]], np.r_[train[1], val[1]]
    n_classes = int(max(rest_y.max(), test[1].max())) + 1
    values, counts = np.unique(rest_y, return_counts=True)
    predictions = {
        "linear": one_hot_classifier(probes.linear, rest_x, rest_y, groups, n_classes)(test[0]),
        "lasso": one_hot_classifier(probes.lasso, rest_x, rest_y, groups, n_classes, betas=settings["betas"])(test[0]),
        "mlp": _mlp(train, val, test, n_classes, settings["mlp"], seed),
        "knn": probes.knn(rest_x, rest_y, settings["k"]).predict(test[0]),
        "majority": np.full(len(test[1]), values[np.argmax(counts)]),
    }
    return [(probe, "accuracy", float(accuracy_score(test[1], p))) for probe, p in predictions.items()]


def continuous_rows(train, val, test, groups, settings, seed):
    """(probe, metric, value) rows of one continuous factor."""
    rest_x, rest_y = np.r_[train[0], val[0]], np.r_[train[1], val[1]]
    predictions = {
        "linear": probes.linear(rest_x, rest_y).predict(test[0]),
        "lasso": probes.lasso(rest_x, rest_y, groups, settings["betas"]).predict(test[0]),
        "mlp": _mlp(train, val, test, None, settings["mlp"], seed),
        "mean": np.full(len(test[1]), rest_y.mean()),
    }
    return [(probe, "r2", float(probes.r2(test[1], p))) for probe, p in predictions.items()]


def scored_factors(factors, kinds, skip):
    """The factors to score: all but `skip` (bookkeeping columns such as an item's drawing id) and
    those with a single value; unknown names in `skip` are an error."""
    unknown = sorted(set(skip) - set(factors.columns))
    if unknown:
        raise KeyError(f"scorecard skip_factors names {unknown}; the dataset's factors are {list(factors.columns)}")
    return [name for name in factors.columns if name not in skip and factors[name].nunique() > 1]


def score(features, factors, kinds, fold_of, fold, settings, seed=0):
    """Tidy rows (factor, probe, metric, value) of one encoder's held-out fold.

    features: the extract stage's arrays (codes and index of the held-out items, train_codes and
    train_index of the training and validation items); factors: the dataset's factor table; kinds:
    {factor: kind}; fold_of: every item's fold; settings: the config's `scorecard` block."""
    n_folds = int(fold_of.max()) + 1
    rest_fold = fold_of[features["train_index"]]
    is_val = rest_fold == (fold - 1) % n_folds
    names = scored_factors(factors, kinds, settings["skip_factors"])
    rows = []
    for name in names:
        values = factors[name].to_numpy()
        if kinds[name] == "categorical":  # labels 0..K-1
            values = np.where(np.isnan(values), np.nan, np.unique(values, return_inverse=True)[1].astype(float))
        rest_values, test_values = values[features["train_index"]], values[features["index"]]
        have, test_have = ~np.isnan(rest_values), ~np.isnan(test_values)
        x, y, groups = features["train_codes"][have], rest_values[have], rest_fold[have]
        split = (x[~is_val[have]], y[~is_val[have]]), (x[is_val[have]], y[is_val[have]])
        test = features["codes"][test_have], test_values[test_have]
        rows_of = categorical_rows if kinds[name] == "categorical" else continuous_rows
        rows += [(name, *row) for row in rows_of(*split, test, groups, settings, seed)]
    rows += disentanglement_rows(features, factors, kinds, names, settings, seed)
    return pd.DataFrame(rows, columns=["factor", "probe", "metric", "value"])


def disentanglement_rows(features, factors, kinds, names, settings, seed):
    """MIG on the held-out codes; DCI fitted on (at most dci.max_train) training codes and its
    informativeness on the held-out ones; over the factors every item has (shape space's target
    coordinates, which only labelled drawings have, are scored by the probes alone)."""
    names = [name for name in names if not factors[name].isna().any()]
    if not names:
        return []
    rest = factors.iloc[features["train_index"]][names].to_numpy()
    test = factors.iloc[features["index"]][names].to_numpy()
    factor_kinds = [kinds[n] for n in names]
    mig_settings, dci_settings = settings["mig"], settings["dci"]
    labels = disentanglement.factor_labels(test, factor_kinds, mig_settings["bins"])
    mig, gaps = disentanglement.mig(features["codes"], labels, mig_settings["bins"])
    train_codes, train_factors = features["train_codes"], rest
    if len(train_codes) > dci_settings["max_train"]:  # gradient boosting is the scorecard's cost: subsample
        keep = np.random.default_rng(seed).choice(len(train_codes), dci_settings["max_train"], replace=False)
        train_codes, train_factors = train_codes[np.sort(keep)], train_factors[np.sort(keep)]
    dci, informativeness = disentanglement.dci(train_codes, train_factors, features["codes"],
                                               test, factor_kinds, dci_settings["n_estimators"],
                                               dci_settings["max_features"], seed, dci_settings["booster"], names)
    rows = [("all", "mig", "mig", mig)]
    rows += [("all", "dci", metric, value) for metric, value in dci.items()]
    rows += [(name, "mig", "gap", float(gap)) for name, gap in zip(names, gaps)]
    rows += [(name, "dci", "informativeness", float(v)) for name, v in zip(names, informativeness)]
    return rows


def tag(table, experiment, variant, fold):
    table = table.assign(experiment=experiment, variant=variant, fold=int(fold))
    return table[COLUMNS]


def read(path):
    """A scorecard table, checked (files.csv): its columns present, its values numbers."""
    from . import files

    return files.csv(path, columns=COLUMNS, numeric=["value"], what="a scorecard table")


def summarise(scorecard):
    """Mean, sd and count over folds of every (experiment, variant, factor, probe, metric)."""
    keys = ["experiment", "variant", "factor", "probe", "metric"]
    summary = scorecard.groupby(keys, sort=True)["value"].agg(["mean", "std", "count"]).reset_index()
    return summary.rename(columns={"count": "n_folds"})


def mark_training(table, training):
    """`table` with a column `training`: how its encoder's training ended (convergence.encoder_status,
    indexed by experiment and variant): "learned", or which folds are unconverged or collapsed."""
    keys = pd.MultiIndex.from_frame(table[["experiment", "variant"]])
    return table.assign(training=training.reindex(keys).fillna("no record").to_numpy())


def best_probe(summary):
    """Per (experiment, variant, factor): the best learned probe's mean held-out R^2 or accuracy
    (the heatmap's cell)."""
    learned = summary[summary["probe"].isin(["linear", "lasso", "mlp", "knn"])]
    best = learned.loc[learned.groupby(["experiment", "variant", "factor"])["mean"].idxmax()]
    return best.reset_index(drop=True)
