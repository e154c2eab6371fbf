"""Did the shape-space classifiers learn? Held-out accuracy per epoch, test accuracy, majority class."""
import re

import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments.shapespace import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
histories = {}
for path in sm.input.histories:
    variant, fold = re.search(r"([^/]+)/fold(\d+)/history\.csv$", path).groups()
    histories[variant, int(fold)] = pd.read_csv(path)
plots.save(figures.classifier_accuracy(histories, pd.read_csv(sm.input.scores)), sm.output[0], sm.params.dpi)
