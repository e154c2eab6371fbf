# Helpers of the perceptual-loss experiment (Pihlgren et al.), and its hooks into the final targets
# and the claims table (see common.smk).
from pathlib import Path


def perceptual_variant(wildcards):
    return config["experiments"]["perceptual"]["variants"][wildcards.variant]


def perceptual_loss_network_inputs(wildcards):
    """torchvision's ImageNet AlexNet file where the user put it, else the pretraining set."""
    weights = config["experiments"]["perceptual"]["loss_network"]["imagenet_weights"]
    if Path(weights).exists():
        return {"imagenet": weights}
    return {"pretraining": "results/datasets/perceptual/pretraining.npz"}


def perceptual_score_inputs(wildcards):
    """The encoder's held-out features and history, its dataset, and the loss network's spec."""
    inputs = variant_data(wildcards)
    inputs["features"] = f"results/features/perceptual/{wildcards.variant}/fold{wildcards.fold}.npz"
    inputs["history"] = f"results/models/perceptual/{wildcards.variant}/fold{wildcards.fold}/history.csv"
    if (perceptual_variant(wildcards).get("objective") or {}).get("loss") == "perceptual":
        inputs["loss_network"] = "results/models/perceptual/loss_network/model.json"
    return inputs


def perceptual_figure_inputs(wildcards):
    """Per fig. 1 variant: its held-out features (own reconstructions) and its refitted decoder."""
    inputs = {}
    for variant in config["experiments"]["perceptual"]["figures"]["reconstruction"]:
        fold = figure_fold("perceptual", variant)
        inputs[f"features_{variant}"] = f"results/features/perceptual/{variant}/fold{fold}.npz"
        inputs[f"decoder_{variant}"] = f"results/models/perceptual/{variant}/fold{fold}/pixel_decoder.pt"
    return inputs


def perceptual_figure_data(wildcards):
    """The dataset of the fig. 1 variants (they share one: checked in config_checks)."""
    first = config["experiments"]["perceptual"]["figures"]["reconstruction"][0]
    return f"results/datasets/{variant_dataset('perceptual', first)}.npz"


def perceptual_histories(wildcards):
    return [
        f"results/models/perceptual/{variant}/fold{fold}/history.csv"
        for variant in variants("perceptual")
        for fold in folds("perceptual", variant)
    ]


def perceptual_figures():
    names = ["table1", "reconstructions", "training_curves"]
    return [f"results/figures/perceptual/{name}.png" for name in names]


def perceptual_models():
    """Its encoders, the loss network and fig. 1's refitted decoders."""
    decoders = [path.replace(".pt", ".json") for name, path in perceptual_figure_inputs(None).items() if name.startswith("decoder_")]
    return variant_models("perceptual") + ["results/models/perceptual/loss_network/model.json"] + decoders


def perceptual_claims_inputs():
    return {"perceptual": "results/tables/perceptual/scores.csv"}


def perceptual_claims_params():
    return {"perceptual_variants": config_at("experiments/perceptual/variants")}
