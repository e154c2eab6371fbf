"""The positions experiment: the position of a 1-D Dirac (Newson et al., section 5).

`networks` (training and scoring of the position encoders and decoders), `figures` (figs 9 and 10);
here, the paper's finding measured on their scores.
"""
import numpy as np

from ...claims import claim, per_fold, row

REPORT_SUMMARY = ("Newson et al. (section 5): 1-D position of a Dirac. Does a trained stride-2 encoder find the [1, 2, 1] "
                  "filter the paper derives, and how does a transposed-convolution decoder place a Dirac?")
CLAIM_IDS = ["filter-121"]


def claims(scores, encoder_variants):
    """filter-121: the median over repeats of each repeat's mean |cosine| to [1, 2, 1], of the
    encoder trained to output the position (the first 'regression' variant)."""
    description = claim("filter-121", "Newson 5.3", "a trained position encoder finds [1,2,1]",
                        "median over repeats of mean abs cosine(layer filter, [1,2,1]); padding-only taps excluded")
    regression = [name for name, spec in encoder_variants.items() if spec.get("objective") == "regression"]
    if not regression:
        return [row(description, [], ">= 0.9", None, [])]
    values = per_fold(scores, f"encoder_{regression[0]}", "filters", "all_layers", "mean_abs_cosine_121")
    result = row(description, values, ">= 0.9", lambda v: np.median(v) >= 0.9, [f"encoder_{regression[0]}"])
    if len(values):
        result["value"] = float(np.median(values))  # the design measures the median, not the mean
    return [result]
