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
