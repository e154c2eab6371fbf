"""Held-out scores of one of Pihlgren et al.'s encoders: the MLP host's lander position error or
shape accuracy (with the constant baseline), the test-fold reconstruction MSE and the training
losses; every row names the loss network the encoder was trained with."""
import json

import pandas as pd

from shapeae import features as held_out, folds, jobs, scores
from shapeae.experiments import perceptual

sm = snakemake  # noqa: F821 -- injected by Snakemake
log = jobs.start(sm, seed=sm.params.seed)
features, factors, _ = held_out.for_scoring(sm.input.features, sm.input.data, sm.input.folds)
_, validation, _ = folds.split(folds.read(sm.input.folds), int(sm.wildcards.fold))
table = perceptual.evaluation(features, factors, validation, pd.read_csv(sm.input.history), sm.params.dataset,
                              sm.params.probes, sm.params.seed)
if "loss_network" in sm.input.keys():
    with open(sm.input.loss_network) as f:
        loss_network = json.load(f)["weights"]
else:
    loss_network = "none (pixel loss)"
table = scores.tag(table, "perceptual", sm.wildcards.variant, sm.wildcards.fold).assign(loss_network=loss_network)
table.to_csv(sm.output[0], index=False)
log.info("loss network: %s\n%s", loss_network, table.to_string())
