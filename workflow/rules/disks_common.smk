# Helpers of the disks experiment's rules (disks.smk, disks_figures.smk), and what the experiment
# adds to the final targets and the claims table (see common.smk). Functions only.


def group_features(group):
    """Input function: features of every fold of every variant in experiments.disks.figures.<group>."""

    def inputs(wildcards):
        group_variants = config["experiments"][wildcards.experiment]["figures"][group]
        return [
            f"results/features/{wildcards.experiment}/{variant}/fold{fold}.npz"
            for variant in group_variants
            for fold in folds(wildcards.experiment, variant)
        ]

    return inputs


def group_fold(experiment, group):
    """The first fold every variant of a figure group trained (config_checks ensures one exists)."""
    members = config["experiments"][experiment]["figures"][group]
    return min(set.intersection(*(set(folds(experiment, v)) for v in members)))


def group_hole(experiment, group):
    """The radius range the group's variants never saw: [low, high) of the first one's exclusion."""
    first = config["experiments"][experiment]["figures"][group][0]
    return config["experiments"][experiment]["variants"][first]["train_exclude"]["radius"][0]


def group_weights(experiment, group):
    members = config["experiments"][experiment]["figures"][group]
    return [config["experiments"][experiment]["variants"][v]["regularisation"]["weight"] for v in members]


def variant_figures(experiment, variant):
    """Per-variant figures: curves and reconstructions for all (figs 2, 5, 6); fig. 3 for models
    trained on every radius without a penalty; figs 4, 11-13 for bias-free ones."""
    spec = config["experiments"][experiment]["variants"][variant]
    names = ["training_curves", "reconstructions"]
    if not spec["train_exclude"] and spec["regularisation"]["kind"] == "none":
        names += ["interpolation", "code_vs_size"]
    if not spec["model"].get("bias", True):
        names += ["profiles", "decoder_theory"]
    return names


def disks_figures():
    figures = ["results/figures/disks/scores.png"]
    figures += [f"results/figures/disks/{group}.png" for group in config["experiments"]["disks"]["figures"]]
    for variant in variants("disks"):
        figures += [f"results/figures/disks/{variant}/{name}.png" for name in variant_figures("disks", variant)]
    return figures


def disks_models():
    return variant_models("disks")


def disks_claims_inputs():
    return {"disks": "results/tables/disks/scores.csv"}


def disks_claims_params():
    return {
        "disk_variants": config_at("experiments/disks/variants"),
        "disk_radius_max": config_at("experiments/disks/dataset/radius_max"),
    }
