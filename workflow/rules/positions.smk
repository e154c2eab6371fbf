# The positions experiment (Newson et al., section 5): position networks trained outside the
# generic stages (no dataset or folds: one-hots and sampled positions), their scores and figures.


include: "positions_common.smk"


rule train_position:
    output:
        model="results/models/positions/{part}/{variant}/repeat{repeat}/model.pt",
        spec="results/models/positions/{part}/{variant}/repeat{repeat}/model.json",
        history="results/models/positions/{part}/{variant}/repeat{repeat}/history.csv",
    log:
        "results/logs/train_position/{part}/{variant}/repeat{repeat}.log",
    benchmark:
        "results/benchmarks/train_position/{part}/{variant}/repeat{repeat}.tsv"
    wildcard_constraints:
        part="encoder|decoder",
        repeat=r"\d+",
    params:
        n=config_at("experiments/positions/n"),
        model=config_at("experiments/positions/{part}/model"),
        variant=config_at("experiments/positions/{part}/variants/{variant}"),
        convergence=config["convergence"],
        seed=lambda wildcards: seeding.derive_seed(
            config["seed"], "positions", wildcards.part, wildcards.variant, wildcards.repeat
        ),
    threads: 1
    resources:
        gpu=0,  # networks of a few dozen weights: a GPU would only add transfer time
    priority: PRIORITY_TRAINING
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/train_position.py"


rule position_scores:
    input:
        position_models("encoder", "decoder"),
    output:
        scores=report(
            "results/tables/positions/scores.csv",
            caption="../report/positions_scores.rst",
            category="positions",
            subcategory="tables",
        ),
        summary=report(
            "results/tables/positions/scores_summary.csv",
            caption="../report/positions_summary.rst",
            category="positions",
            subcategory="tables",
        ),
    log:
        "results/logs/position_scores.log",
    benchmark:
        "results/benchmarks/position_scores.tsv"
    params:
        n=config_at("experiments/positions/n"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/score_positions.py"


rule positions_handcrafted:
    output:
        report(
            "results/tables/positions/handcrafted.csv",
            caption="../report/positions_handcrafted.rst",
            category="positions",
            subcategory="tables",
        ),
    log:
        "results/logs/positions_handcrafted.log",
    benchmark:
        "results/benchmarks/positions_handcrafted.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/positions_handcrafted.py"


rule figure_position_filters:
    input:
        models=position_models("encoder"),
        handcrafted="results/tables/positions/handcrafted.csv",
    output:
        report(
            "results/figures/positions/filters.png",
            caption="../report/positions_filters.rst",
            category="positions",
        ),
    log:
        "results/logs/figures/positions/filters.log",
    benchmark:
        "results/benchmarks/figures/positions/filters.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_position_filters.py"


rule figure_position_decoder:
    input:
        position_models("decoder"),
    output:
        report(
            "results/figures/positions/decoder.png",
            caption="../report/positions_decoder.rst",
            category="positions",
        ),
    log:
        "results/logs/figures/positions/decoder.log",
    benchmark:
        "results/benchmarks/figures/positions/decoder.tsv"
    params:
        dpi=config["figures"]["dpi"],
        n=config_at("experiments/positions/n"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_position_decoder.py"
