rule train:
    input:
        unpack(training_inputs),
    output:
        model="results/models/{experiment}/{variant}/fold{fold}/model.pt",
        spec="results/models/{experiment}/{variant}/fold{fold}/model.json",
        history="results/models/{experiment}/{variant}/fold{fold}/history.csv",
    log:
        "results/logs/train/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/train/{experiment}/{variant}/fold{fold}.tsv"
    params:
        model=config_at("experiments/{experiment}/variants/{variant}/model"),
        training=config_at("experiments/{experiment}/variants/{variant}/training"),
        objective=config_at("experiments/{experiment}/variants/{variant}/objective", default={}),
        regularisation=config_at("experiments/{experiment}/variants/{variant}/regularisation", default={}),
        train_exclude=config_at("experiments/{experiment}/variants/{variant}/train_exclude", default={}),
        convergence=config["convergence"],
        device=config["compute"]["device"],
        seed=job_seed,
    threads: config["compute"]["train_threads"]
    resources:
        gpu=config["compute"]["train_gpus"],
    priority: PRIORITY_TRAINING
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/train.py"


# Any experiment trained by rule train: loss per epoch of every fold of one variant.
rule figure_training_curves:
    input:
        variant_histories,
    output:
        report(
            "results/figures/{experiment}/{variant}/training_curves.png",
            caption="../report/training_curves.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/training_curves.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/training_curves.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_training_curves.py"


# How every model's training ended, from the record in its model.json: one table for the claims,
# the scorecard and the convergence figure.
rule training_table:
    input:
        all_models,
    output:
        report(
            "results/tables/training.csv",
            caption="../report/training_table.rst",
            category="claims",
        ),
    log:
        "results/logs/training_table.log",
    benchmark:
        "results/benchmarks/training_table.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/training_table.py"


rule figure_convergence:
    input:
        table="results/tables/training.csv",
        histories=all_histories,
    output:
        report(
            "results/figures/convergence.png",
            caption="../report/convergence.rst",
            category="claims",
        ),
    log:
        "results/logs/figures/convergence.log",
    benchmark:
        "results/benchmarks/figures/convergence.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_convergence.py"
