rule dataset:
    output:
        "results/datasets/{experiment}.npz",
    log:
        "results/logs/dataset/{experiment}.log",
    benchmark:
        "results/benchmarks/dataset/{experiment}.tsv"
    params:
        dataset=config_at("experiments/{experiment}/dataset"),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/generate_dataset.py"
