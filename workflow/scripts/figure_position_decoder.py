"""Newson fig. 10: decoded signals for increasing positions, continuous- vs integer-trained."""
import re

import numpy as np
import torch

from shapeae import jobs, plots, training
from shapeae.datasets import positions as signals
from shapeae.experiments.positions import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
n = sm.params.n
a = np.arange(n - 1) + 0.5  # half-integer positions: never seen by the integer-trained decoder
outputs = {}
for path in sm.input:
    variant, repeat = re.search(r"decoder/(\w+)/repeat(\d+)/", path).groups()
    if repeat == "0":
        with torch.no_grad():
            outputs[variant] = training.load(path)(torch.from_numpy(signals.position_codes(a, n)))[:, 0].numpy()
plots.save(figures.position_decoding(outputs, a), sm.output[0], sm.params.dpi)
