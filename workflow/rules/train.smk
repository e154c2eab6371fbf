rule train:
    input:
        data="results/datasets/{experiment}.npz",
        folds="results/folds/{experiment}.csv",
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
        regularisation=config_at("experiments/{experiment}/variants/{variant}/regularisation"),
        train_exclude=config_at("experiments/{experiment}/variants/{variant}/train_exclude"),
        device=config["compute"]["device"],
        seed=job_seed,
    threads: config["compute"]["train_threads"]
    resources:
        gpu=config["compute"]["train_gpus"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/train.py"
