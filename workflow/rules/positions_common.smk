# Helpers of the positions experiment's rules (positions.smk), and what the experiment adds to the
# final targets and the claims table (see common.smk). Functions only.


def position_models(*parts):
    """Input function: every trained position network of the parts (encoder, decoder), all variants
    and repeats. (A function, so that a config without positions still parses.)"""

    def inputs(wildcards):
        return [
            f"results/models/positions/{part}/{variant}/repeat{repeat}/model.pt"
            for part in parts
            for variant, settings in config["experiments"]["positions"][part]["variants"].items()
            for repeat in range(settings["repeats"])
        ]

    return inputs


def positions_figures():
    return ["results/figures/positions/filters.png", "results/figures/positions/decoder.png"]


def positions_models():
    return [path.replace(".pt", ".json") for path in position_models("encoder", "decoder")(None)]


def positions_claims_inputs():
    return {"positions": "results/tables/positions/scores.csv"}


def positions_claims_params():
    return {"position_encoders": config_at("experiments/positions/encoder/variants")}
