rule dataset:
    output:
        "results/datasets/{experiment}.npz",
    log:
        "results/logs/dataset/{experiment}.log",
    benchmark:
        "results/benchmarks/dataset/{experiment}.tsv"
    params:
        dataset=lookup(dpath="experiments/{experiment}/dataset", within=config),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/generate_dataset.py"
