"""k-NN accuracy of colour and shape in every coloured-shapes embedding, and the training curves."""
import pandas as pd

from shapeae import jobs, plots
from shapeae.experiments.colours import figures

sm = snakemake  # noqa: F821 -- injected by Snakemake
jobs.start(sm)
plots.save(figures.knn_accuracy(pd.read_csv(sm.input.scores)), sm.output.knn, sm.params.dpi)
plots.save(figures.training_curves(plots.histories_table(sm.input.histories)), sm.output.curves, sm.params.dpi)
