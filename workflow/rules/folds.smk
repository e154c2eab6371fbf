rule folds:
    input:
        "results/datasets/{experiment}.npz",
    output:
        "results/folds/{experiment}.csv",
    log:
        "results/logs/folds/{experiment}.log",
    benchmark:
        "results/benchmarks/folds/{experiment}.tsv"
    params:
        n_folds=config_at("experiments/{experiment}/n_folds"),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/make_folds.py"
