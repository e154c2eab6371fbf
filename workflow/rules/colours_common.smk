# Helpers of the coloured-shapes experiment (OSU report, section 4.3), and its hooks into the final
# targets and the claims table (see common.smk). Seed replicates are variants <name>_seed<i>
# (config_checks.expand_seeds); figures draw the first seed of a variant.
import re



def colours_variants(base):
    """The variants of a base variant: itself, or its seed replicates."""
    return [v for v in variants("colours") if v == base or re.fullmatch(rf"{base}_seed\d+", v)]


def colours_figure_features(wildcards):
    """{base variant: held-out features of its first seed at the figure fold} for the figure group's
    variants (experiments.colours.figures.embedding) and the autoencoders."""
    groups = config["experiments"]["colours"]["figures"]
    return {
        base: f"results/features/colours/{first}/fold{figure_fold('colours', first)}.npz"
        for base in groups["embedding"] + groups["reconstruction"]
        for first in colours_variants(base)[:1]
    }


def colours_histories(wildcards):
    return [
        f"results/models/colours/{variant}/fold{fold}/history.csv"
        for variant in variants("colours")
        for fold in folds("colours", variant)
    ]


def colours_figures():
    names = ["reconstructions", "embedding", "neighbours", "knn_accuracy", "training_curves"]
    return [f"results/figures/colours/{name}.png" for name in names]


def colours_models():
    return variant_models("colours")


def colours_claims_inputs():
    return {"colours": "results/tables/colours/scores.csv"}


def colours_claims_params():
    return {"colour_variants": config_at("experiments/colours/variants")}
