"""Pihlgren et al.: do autoencoders trained with a deep perceptual loss embed more of what matters?

Four kinds of encoder per dataset (their table 1 columns): AE and VAE trained with pixel MSE, P. AE
and P. VAE trained with the perceptual loss (objectives.Perceptual). Every encoder's held-out codes
are read by the shared MLP host (probes.mlp_host): the lander's (x, y) position (mean L1 distance in
pixels, as their LLv2 column) and the clutter set's shape class (accuracy, standing in for their
STL-10 and SVHN columns), each beside its constant baseline (training mean, majority class). The
host is chosen on the validation fold; the test fold only scores it.
"""
import numpy as np
import pandas as pd

from ...claims import claim, row

KINDS = ("AE", "VAE", "P. AE", "P. VAE")
# their table 1: LLv2 L1 error (px of their 64 x 64 frames); accuracy (%) on STL-10 and SVHN
SOURCE_TABLE = pd.DataFrame(
    {"AE": [13.22, 45.0, 81.9], "VAE": [12.70, 42.4, 82.7], "P. AE": [1.44, 63.4, 84.0], "P. VAE": [1.15, 64.8, 81.2]},
    index=["LLv2", "STL-10", "SVHN"])
TASKS = {"lander": ("position", "l1"), "clutter": ("shape", "accuracy")}  # dataset: (target, metric)
SOURCE_OF = {"lander": ["LLv2"], "clutter": ["STL-10", "SVHN"]}


def kind(spec):
    """Table column of a variant: pixel or perceptual loss, AE or VAE."""
    perceptual = (spec.get("objective") or {}).get("loss") == "perceptual"
    variational = spec["model"].get("variational", False)
    return ("P. " if perceptual else "") + ("VAE" if variational else "AE")


def split_training_codes(features, validation):
    """(train codes, train rows, validation codes, validation rows) of the extract stage's
    `train_codes` (training and validation folds together) given the validation rows."""
    is_validation = np.isin(features["train_index"], validation)
    codes, index = features["train_codes"], features["train_index"]
    return codes[~is_validation], index[~is_validation], codes[is_validation], index[is_validation]


def probe_scores(features, factors, validation, dataset, options, seed):
    """Held-out rows of the MLP host and the constant baseline for the dataset's task; `host` is the
    chosen layout's index in options["hosts"]."""
    from ... import probes  # here: only scoring jobs pay scikit-learn's second of import
    target, metric = TASKS[dataset]
    train_x, train_rows, val_x, val_rows = split_training_codes(features, validation)
    test_x, test_rows = features["codes"], features["index"]
    hosts = [tuple(h) for h in options["hosts"]]
    settings = {k: options[k] for k in ("max_epochs", "patience", "lr", "batch_size") if k in options}
    if dataset == "lander":
        y = factors[["x", "y"]].to_numpy()
        best, _ = probes.mlp_host(train_x, y[train_rows], val_x, y[val_rows], hosts=hosts, seed=seed, **settings)
        predictions = {"mlp": best.predict(test_x), "mean": np.broadcast_to(y[train_rows].mean(0), (len(test_rows), 2))}
        values = {probe: float(np.abs(p - y[test_rows]).sum(1).mean()) for probe, p in predictions.items()}
    else:
        y = factors["shape"].to_numpy(np.int64)
        n_classes = int(y.max()) + 1
        best, _ = probes.mlp_host(train_x, y[train_rows], val_x, y[val_rows], n_classes=n_classes, hosts=hosts,
                                  seed=seed, **settings)
        labels, counts = np.unique(y[train_rows], return_counts=True)
        values = {"mlp": float(np.mean(best.predict(test_x) == y[test_rows])),
                  "majority": float(np.mean(y[test_rows] == labels[np.argmax(counts)]))}
    rows = [(probe, target, metric, value) for probe, value in values.items()]
    rows += [("mlp", target, "host", float(hosts.index(best.hidden))),
             ("mlp", target, "validation_loss", best.validation_loss_)]
    return pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])


def evaluation(features, factors, validation, history, dataset, options, seed):
    """All held-out rows of one encoder: its probe, its test-fold reconstruction MSE, its training."""
    mse = float(np.mean((features["reconstructions"].astype(np.float64) - features["images"]) ** 2))
    rows = [("reconstruction", "image", "mse", mse),
            ("training", "loss", "final", history["loss"].iloc[-1]),
            ("training", "val_loss", "best", history["val_loss"].min()),
            ("training", "val_loss", "epochs", float(len(history)))]
    return pd.concat([probe_scores(features, factors, validation, dataset, options, seed),
                      pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])], ignore_index=True)


def table1(scores, variants):
    """Their table 1 from ours: mean and sd over folds of the MLP's held-out metric per (dataset,
    embedding size, kind), with their numbers (the lander beside LLv2, clutter beside STL-10 and SVHN)."""
    rows = []
    for name, spec in variants.items():
        target, metric = TASKS[spec["dataset"]]
        values = scores[(scores["variant"] == name) & (scores["probe"] == "mlp") & (scores["metric"] == metric)]["value"]
        if metric == "accuracy":
            values = 100 * values
        rows.append({"dataset": spec["dataset"], "embedding": spec["model"]["embedding"], "kind": kind(spec),
                     "variant": name, "metric": metric, "mean": values.mean(), "sd": values.std(), "n": len(values),
                     **{f"source_{s}": SOURCE_TABLE.loc[s, kind(spec)] for s in SOURCE_OF[spec["dataset"]]}})
    return pd.DataFrame(rows).sort_values(["dataset", "embedding", "kind"], key=_kind_order).reset_index(drop=True)


def _kind_order(column):
    return column.map(KINDS.index) if column.name == "kind" else column


def paired(scores, variants, dataset, metric):
    """(pixel AE values, perceptual AE values, the models they rest on: the variants and the loss
    network) paired by embedding size and fold."""
    sides = {}
    for side in ("AE", "P. AE"):
        names = [n for n, s in variants.items() if s["dataset"] == dataset and kind(s) == side]
        size = {n: variants[n]["model"]["embedding"] for n in names}
        rows = scores[scores["variant"].isin(names) & (scores["probe"] == "mlp") & (scores["metric"] == metric)]
        sides[side] = (rows.assign(embedding=rows["variant"].map(size)).set_index(["embedding", "fold"])["value"], names)
    both = sides["AE"][0].index.intersection(sides["P. AE"][0].index).sort_values()
    loss_network = ["loss_network"] if sides["P. AE"][1] else []  # a perceptual loss rests on it too
    return sides["AE"][0][both].to_numpy(), sides["P. AE"][0][both].to_numpy(), sides["AE"][1] + sides["P. AE"][1] + loss_network


def claims(scores, variants):
    """perceptual-position (L1 pixel AE / perceptual AE >= 2) and perceptual-class (accuracy
    perceptual AE - pixel AE > 0), per (embedding size, fold), averaged."""
    pixel, perceptual, names = paired(scores, variants, "lander", "l1")
    rows = [row(claim("perceptual-position", "Pihlgren t.1", "perceptual loss embeds position better",
                      "L1 error pixel AE / perceptual AE, lander MLP"), pixel / perceptual, ">= 2",
                lambda v: v.mean() >= 2, names)]
    rows[-1]["source_value"] = SOURCE_TABLE.loc["LLv2", "AE"] / SOURCE_TABLE.loc["LLv2", "P. AE"]
    pixel, perceptual, names = paired(scores, variants, "clutter", "accuracy")
    rows.append(row(claim("perceptual-class", "Pihlgren t.1", "perceptual loss helps classification",
                          "accuracy perceptual AE - pixel AE, clutter MLP (source: STL-10)"), perceptual - pixel,
                    "> 0", lambda v: v.mean() > 0, names))
    rows[-1]["source_value"] = (SOURCE_TABLE.loc["STL-10", "P. AE"] - SOURCE_TABLE.loc["STL-10", "AE"]) / 100
    return rows


REPORT_SUMMARY = ("Pihlgren et al.: autoencoders and VAEs trained with pixel-wise or deep perceptual loss (a frozen "
                  "AlexNet's features), their codes read out by a host of MLPs. Does perceptual loss embed the lander's "
                  "position (L1 error) and a cluttered shape's class better?")
CLAIM_IDS = ["perceptual-position", "perceptual-class"]


class ShapeColourClassification:
    """The loss network's pretraining objective (training.fit's protocol): cross-entropy of its
    class head over shape x colour classes of the coloured-shapes generator."""

    def __init__(self, n_colours):
        self.n_colours = n_colours

    def data(self, images, factors, index):
        from ...datasets import as_float

        label = factors["shape"].to_numpy(np.int64) * self.n_colours + factors["colour"].to_numpy(np.int64)
        return {"x": as_float(images[index]), "label": label[index]}

    def prepare(self, train, seed):
        pass

    def training_loss(self, model, batch, generator=None):
        from torch.nn import functional as F

        return F.cross_entropy(model.classify(batch["x"]), batch["label"])

    def validation_loss(self, model, batch):
        return self.training_loss(model, batch)


def pretrain_loss_network(images, factors, epochs, batch_size, lr, seed, device, convergence, patience=None,
                          schedule="constant", validation_fraction=0.1):
    """AlexNetFeatures trained as a shape x colour classifier on the pretraining set (the last
    `validation_fraction` validates); returns the features-only network, the history with the
    final validation accuracy, and how training ended (training.ending)."""
    import torch

    from ... import training
    from ...datasets import colours
    from ...models.perceptual import AlexNetFeatures

    n_colours, n_classes = len(colours.COLOURS), len(colours.SHAPES) * len(colours.COLOURS)
    torch.manual_seed(seed)
    classifier = AlexNetFeatures(n_classes=n_classes)
    objective = ShapeColourClassification(n_colours)
    n_val = max(1, int(len(images) * validation_fraction))
    train, val = np.arange(len(images) - n_val), np.arange(len(images) - n_val, len(images))
    history, record = training.fit_and_record(
        classifier, objective.data(images, factors, train), objective.data(images, factors, val), epochs=epochs,
        batch_size=batch_size, lr=lr, seed=seed, device=device, objective=objective, convergence=convergence,
        patience=patience, schedule=schedule)
    val_data = objective.data(images, factors, val)
    with torch.no_grad():
        classifier.eval()
        predicted = classifier.to("cpu").classify(torch.as_tensor(val_data["x"])).argmax(1).numpy()
    accuracy = float(np.mean(predicted == val_data["label"]))
    network = AlexNetFeatures(weights=f"trained here: shape x colour classifier, {len(train)} images, "
                                      f"validation accuracy {accuracy:.3f} ({n_classes} classes)")
    network.features.load_state_dict(classifier.features.state_dict())
    return network, history.assign(validation_accuracy_final=accuracy), record


class CodeDecoding:
    """Their fig. 1 decoder's objective (training.fit's protocol): pixel MSE of a decoder fed the
    frozen codes of an encoder, x = codes, target = the images."""

    @staticmethod
    def data(codes, images):
        from ...datasets import as_float

        return {"x": codes, "target": as_float(images)}

    def prepare(self, train, seed):
        pass

    def training_loss(self, model, batch, generator=None):
        return ((model.decode(batch["x"]) - batch["target"]) ** 2).mean()

    def validation_loss(self, model, batch):
        return self.training_loss(model, batch)


def refit_decoder(encoder, images, train, val, epochs, batch_size, lr, seed, device, convergence):
    """A fresh World-Models decoder trained with pixel MSE on `encoder`'s frozen codes (their fig. 1);
    returns it (a WorldModelsAE whose encoder is unused), its history and how training ended."""
    import torch

    from ... import training
    from ...models.perceptual import WorldModelsAE

    codes = training.encode(encoder, images)
    torch.manual_seed(seed)
    decoder = WorldModelsAE(embedding=codes.shape[1])
    objective = CodeDecoding()
    return (decoder, *training.fit_and_record(
        decoder, objective.data(codes[train], images[train]), objective.data(codes[val], images[val]), epochs=epochs,
        batch_size=batch_size, lr=lr, seed=seed, device=device, objective=objective, convergence=convergence))
