# One dataset per id (see dataset_ids in common.smk): results/datasets/<experiment>.npz for an
# experiment's `dataset`, results/datasets/<experiment>/<name>.npz for each of its `datasets`.
rule dataset:
    output:
        "results/datasets/{data}.npz",
    log:
        "results/logs/dataset/{data}.log",
    benchmark:
        "results/benchmarks/dataset/{data}.tsv"
    wildcard_constraints:
        data=DATA_PATTERN,
    params:
        generator=dataset_generator,
        dataset=dataset_spec,
        seed=dataset_seed,
    priority: PRIORITY_UNLOCKS_TRAINING
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/generate_dataset.py"
