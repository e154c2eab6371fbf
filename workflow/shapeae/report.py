"""The Snakemake report's front page and the numbers its figure captions state, written as
reStructuredText from this run's tables (results/claims.csv, the scorecard summary): never by hand.

The workflow description (workflow/report/workflow.rst) includes results/report/front_page.rst, and
every figure's caption includes results/report/captions/<figure path>.rst, the line of this run's
numbers that the figure supports.
"""
import fnmatch

import numpy as np

# Which findings each figure supports (paths relative to results/figures; fnmatch patterns, first match wins).
FIGURE_CLAIMS = {
    "disks/*/code_vs_size.png": ["disks-monotone", "disks-area"],
    "disks/*/interpolation.png": ["disks-monotone"],
    "disks/*/profiles.png": ["nobias-rank1"],
    "disks/*/decoder_theory.png": ["nobias-optimum"],
    "disks/*/reconstructions.png": ["extrapolation-fails", "hole-fails"],
    "disks/regularisation.png": ["psi3-best", "hole-fails"],
    "disks/lambda_sweep.png": ["psi3-best"],
    "positions/filters.png": ["filter-121"],
    "shapespace/mapping.png": ["lasso-beats-linear", "multitask-beats-transfer", "classifier-beats-ae"],
    "shapespace/nuisance.png": ["ae-entangles"],
    "shapespace/classifier_accuracy.png": ["classifier-beats-ae", "ae-entangles"],
    "shapespace/reconstructions.png": ["best-beats-default", "denoise-10", "denoise-55"],
    "shapespace/noise_*.png": ["denoise-10", "denoise-55"],
    "colours/reconstructions.png": ["ae-mse"],
    "colours/training_curves.png": ["ae-mse"],
    "colours/*.png": ["crop-colour", "recolour-shape"],
    "perceptual/*.png": ["perceptual-position", "perceptual-class"],
}


def _number(value):
    return "–" if value is None or (isinstance(value, float) and np.isnan(value)) else f"{value:.4g}"


def _note(claim):
    return claim.note if isinstance(claim.note, str) else ""


def claim_sentence(claim):
    """One finding as a sentence: `id`: ours (± sd, n), the source's, the threshold, the verdict
    (and for an inconclusive one, which models did not learn)."""
    if claim.holds == "not measured":
        return f"``{claim.id}``: not measured in this run (its variants are not in the config)."
    source = "" if np.isnan(claim.source_value) else f"; the source: {_number(claim.source_value)}"
    why = f" ({_note(claim)})" if claim.holds == "inconclusive" else ""
    return (f"``{claim.id}`` ({claim.measured_as}): **{_number(claim.value)} ± {_number(claim.spread)}** over "
            f"{claim.n}{source}; holds when {claim.threshold}: **{claim.holds}**{why}.")


def claims_table(claims):
    """The claims as an RST list-table: finding, ours, the source's, threshold, verdict, note."""
    lines = [".. list-table::", "   :header-rows: 1", "   :widths: 12 24 12 7 8 9 28", "",
             "   * - claim", "     - finding (source)", "     - ours: mean ± sd (n)", "     - source",
             "     - holds when", "     - verdict", "     - note"]
    for c in claims.itertuples():
        ours = "–" if c.holds == "not measured" else f"{_number(c.value)} ± {_number(c.spread)} ({c.n})"
        lines += [f"   * - ``{c.id}``", f"     - {c.finding} ({c.source})", f"     - {ours}",
                  f"     - {_number(c.source_value)}", f"     - {c.threshold}", f"     - **{c.holds}**",
                  f"     - {_note(c) or '–'}"]
    return "\n".join(lines) + "\n"


def _verdicts(claims):
    measured = claims[claims["holds"] != "not measured"]
    inconclusive = (measured["holds"] == "inconclusive").sum()
    return (f"{(measured['holds'] == 'yes').sum()} of {len(measured)} measured findings hold, "
            f"{(measured['holds'] == 'no').sum()} do not, {inconclusive} inconclusive")


def front_page(claims, experiments, scorecard_summary=None):
    """The report's opening: the claims table, then one paragraph per experiment.

    experiments: {name: (summary sentence, its claim ids, its figures relative to results/figures)}."""
    parts = ["Which published findings reproduce", "=" * 34, "",
             f"This run of ShapeAE: {_verdicts(claims)} ({(claims['holds'] == 'not measured').sum()} not measured). "
             "Every row is measured on held-out data by this run; thresholds are DESIGN.md's, fixed before "
             "any result (``results/claims.csv``, figure in Claims_). A verdict is yes or no only when every "
             "model it rests on learned; inconclusive when one collapsed or did not converge (its note names "
             "them; every model's curve in ``convergence.png``).", "", claims_table(claims), ""]
    for name, (summary, ids, figures) in experiments.items():
        own = claims[claims["id"].isin(ids)]
        parts += [name, "-" * len(name), "",
                  f"{summary} In this run {_verdicts(own)}: "
                  + " ".join(claim_sentence(c) for c in own.itertuples())
                  + f" Figures ({name}_): " + ", ".join(f"``{f}``" for f in figures) + ".", ""]
    if scorecard_summary is not None and len(scorecard_summary):
        parts += ["Scorecard", "-" * 9, "", scorecard_paragraph(scorecard_summary), ""]
    return "\n".join(parts)


def scorecard_paragraph(summary):
    """Every encoder scored the same way: which encoder of each experiment has the highest MIG."""
    overall = summary[(summary["factor"] == "all") & (summary["metric"] == "mig")]
    best = overall.loc[overall.groupby("experiment")["mean"].idxmax()]
    sentences = [f"{b.experiment}: ``{b.variant}`` (MIG {_number(b.mean)})" for b in best.itertuples()]
    return ("Every trained encoder of every experiment, scored on its held-out fold against every known factor "
            "of its dataset by the same linear, lasso and MLP probes, MIG and DCI (Scorecard_, "
            "``results/tables/scorecard.csv``). Highest MIG per experiment: " + "; ".join(sentences) + ".")


def figure_claims(figure):
    """The claim ids a figure (path relative to results/figures) supports; None if it has none."""
    for pattern, ids in FIGURE_CLAIMS.items():
        if fnmatch.fnmatch(figure, pattern):
            return ids
    return None


def training_numbers(training):
    """How many models learned, and which did not."""
    failed = training[training["status"] != "learned"]
    names = "; ".join(f"{m.experiment} {m.variant} fold {m.fold}: {m.status}" for m in failed.itertuples())
    return f"{len(training) - len(failed)} of {len(training)} models learned" + (f" (not: {names})" if names else "")


def caption_numbers(figure, claims, experiment_claims, scorecard_summary=None, training=None):
    """The line of this run's numbers a figure supports.

    A figure with findings (FIGURE_CLAIMS) states them; an experiment's generic figures (scores,
    training curves) state the experiment's findings; the claims figure how many hold; the
    convergence figure how many models learned; the scorecard's figures their best encoders."""
    experiment = figure.split("/")[0]
    if figure == "claims.png":
        return f"This run: {_verdicts(claims)}."
    if figure == "convergence.png":
        return f"This run: {training_numbers(training)}."
    if experiment == "scorecard":
        return "This run: " + scorecard_numbers(figure, scorecard_summary)
    ids = figure_claims(figure)
    if ids is None:
        ids = experiment_claims.get(experiment)
    if not ids:
        raise ValueError(f"no finding or number known for figure {figure}: add it to report.FIGURE_CLAIMS")
    rows = claims[claims["id"].isin(ids)]
    return "This run: " + " ".join(claim_sentence(c) for c in rows.itertuples())


def scorecard_numbers(figure, summary):
    if figure == "scorecard/disentanglement.png":
        return scorecard_paragraph(summary).split("Highest MIG per experiment: ")[1]
    experiment = figure.split("/")[1].removesuffix("_probes.png")
    rows = summary[(summary["experiment"] == experiment) & summary["probe"].isin(["linear", "lasso", "mlp", "knn"])]
    best = rows.loc[rows.groupby("factor")["mean"].idxmax()]
    return "best held-out score per factor: " + "; ".join(
        f"{b.factor} {_number(b.mean)} (``{b.variant}``, {b.probe})" for b in best.itertuples()) + "."
