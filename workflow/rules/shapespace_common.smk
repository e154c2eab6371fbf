# Helpers of the shape-space experiment (Bechberger, parts 8-9), and its hooks into the final
# targets and the claims table (see common.smk).


def shapespace_noise_variants():
    return config["experiments"]["shapespace"]["noise"]["variants"]


def shapespace_noise_tables(wildcards):
    return [
        f"results/tables/shapespace/noise/{variant}/fold{fold}.csv"
        for variant in shapespace_noise_variants()
        for fold in folds("shapespace", variant)
    ]


def shapespace_example_noise(wildcards):
    """The noise examples of the last noise-study variant ("best"), at the figure fold."""
    variant = shapespace_noise_variants()[-1]
    return f"results/tables/shapespace/noise/{variant}/fold{figure_fold('shapespace', variant)}.npz"


def shapespace_reconstruction_features(wildcards):
    """Held-out features of the noise-study autoencoders (default, best), one fold each."""
    return [
        f"results/features/shapespace/{variant}/fold{figure_fold('shapespace', variant)}.npz"
        for variant in shapespace_noise_variants()
    ]


def shapespace_classifiers():
    """The variants that classify (objective.classification > 0)."""
    variants = config["experiments"]["shapespace"]["variants"]
    return [name for name, spec in variants.items() if spec.get("objective", {}).get("classification", 0) > 0]


def shapespace_classifier_histories(wildcards):
    return [
        f"results/models/shapespace/{variant}/fold{fold}/history.csv"
        for variant in shapespace_classifiers()
        for fold in folds("shapespace", variant)
    ]


def shapespace_figures():
    names = ["scores", "mapping", "nuisance", "reconstructions", "noise_bce", "noise_patterns", "noise_levels"]
    names += ["classifier_accuracy"] if shapespace_classifiers() else []
    curves = [f"{variant}/training_curves" for variant in shapespace_noise_variants()]
    return [f"results/figures/shapespace/{name}.png" for name in names + curves]


def shapespace_models():
    return variant_models("shapespace")


def shapespace_claims_inputs():
    return {
        "shapespace": "results/tables/shapespace/scores.csv",
        "shapespace_noise": "results/tables/shapespace/noise.csv",
    }


def shapespace_claims_params():
    return {"shapespace_variants": config_at("experiments/shapespace/variants")}
