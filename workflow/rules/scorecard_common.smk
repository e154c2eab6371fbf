# Helpers of scorecard.smk: which encoders are scored, with which settings.


# Experiments whose encoders go through the generic train and extract stages. positions has none:
# its networks see every position of a 64-sample signal in training (no held-out fold to score).
SCORED_EXPERIMENTS = [e for e in EXPERIMENTS if "variants" in config["experiments"][e]]


def scorecard_tables():
    return [
        f"results/scorecard/{experiment}/{variant}/fold{fold}.csv"
        for experiment in SCORED_EXPERIMENTS
        for variant in variants(experiment)
        for fold in folds(experiment, variant)
    ]


def scorecard_settings(wildcards):
    """The scorecard block with this experiment's skip_factors only (narrow params: a skip list of
    one experiment reruns that experiment's scorecard jobs alone)."""
    settings = dict(config["scorecard"])
    settings["skip_factors"] = settings["skip_factors"].get(wildcards.experiment, [])
    return sorted_keys(settings)


def scorecard_figures():
    if not SCORED_EXPERIMENTS:
        return []
    heatmaps = [f"results/figures/scorecard/{experiment}_probes.png" for experiment in SCORED_EXPERIMENTS]
    return heatmaps + ["results/figures/scorecard/disentanglement.png"]
