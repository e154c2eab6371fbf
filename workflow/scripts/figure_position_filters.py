"""Newson fig. 9: each layer's learned 3-tap filter, every repeat, against [1, 2, 1]."""
import re

import pandas as pd

from shapeae import jobs, plots, training
from shapeae.experiments.positions import figures
from shapeae.experiments.positions.networks import encoder_of
from shapeae.models import positions as nets

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
rows = []
for path in sm.input.models:
    variant, repeat = re.search(r"encoder/(\w+)/repeat(\d+)/", path).groups()
    for layer, taps in enumerate(nets.layer_filters(encoder_of(training.load(path))), start=1):
        rows += [{"variant": variant, "repeat": int(repeat), "layer": layer, "tap": tap - 1, "weight": float(w)}
                 for tap, w in enumerate(taps)]
plots.save(figures.position_filters(pd.DataFrame(rows)), sm.output[0], sm.params.dpi)
