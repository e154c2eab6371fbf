# Helpers of the positions experiment's rules (positions.smk), and what the experiment adds to the
# final targets and the claims table (see common.smk). Functions only.


def position_models(part):
    """Every trained position network of one part (encoder or decoder), all variants and repeats."""
    spec = config["experiments"]["positions"][part]["variants"]
    return [
        f"results/models/positions/{part}/{variant}/repeat{repeat}/model.pt"
        for variant, settings in spec.items()
        for repeat in range(settings["repeats"])
    ]


def positions_figures():
    return ["results/figures/positions/filters.png", "results/figures/positions/decoder.png"]


def positions_claims_inputs():
    return {"positions": "results/tables/positions/scores.csv"}


def positions_claims_params():
    return {"position_encoders": config_at("experiments/positions/encoder/variants")}
