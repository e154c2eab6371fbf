rule extract:
    input:
        unpack(variant_data),
        model="results/models/{experiment}/{variant}/fold{fold}/model.pt",
        spec="results/models/{experiment}/{variant}/fold{fold}/model.json",
    output:
        "results/features/{experiment}/{variant}/fold{fold}.npz",
    log:
        "results/logs/extract/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/extract/{experiment}/{variant}/fold{fold}.tsv"
    params:
        objective=config_at("experiments/{experiment}/variants/{variant}/objective", default={}),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/extract.py"
