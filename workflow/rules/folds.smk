rule folds:
    input:
        "results/datasets/{data}.npz",
    output:
        "results/folds/{data}.csv",
    log:
        "results/logs/folds/{data}.log",
    benchmark:
        "results/benchmarks/folds/{data}.tsv"
    wildcard_constraints:
        data=DATA_PATTERN,
    params:
        n_folds=dataset_n_folds,
        generator=dataset_generator,
        seed=dataset_seed,
    priority: PRIORITY_UNLOCKS_TRAINING
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/make_folds.py"
