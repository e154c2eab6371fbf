"""Scores of every position network: filter cosines of encoders, held-out errors of decoders."""
import re

import pandas as pd

from shapeae import jobs, scores, training
from shapeae.experiments.positions import networks

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
tables = []
for path in sm.input:
    part, variant, repeat = re.search(r"positions/(\w+)/(\w+)/repeat(\d+)/", path).groups()
    model = training.load(path)
    rows = (networks.encoder_scores(model) if part == "encoder"
            else networks.decoder_scores(model, sm.params.n))
    table = pd.DataFrame(rows, columns=["probe", "target", "metric", "value"])
    tables.append(scores.tag(table, "positions", f"{part}_{variant}", repeat))
table = pd.concat(tables, ignore_index=True).sort_values(scores.COLUMNS[:-1], kind="stable")
table.to_csv(sm.output.scores, index=False)
scores.summarise(table).to_csv(sm.output.summary, index=False)
