# The shape-space experiment (Bechberger, parts 8-9): held-out transfer and multi-task mapping
# scores of every encoder, the noise study of the default and best autoencoders, and the figures.
# Dataset, folds, training and extraction are the generic stages.


include: "shapespace_common.smk"


rule score_shapespace:
    input:
        features="results/features/{experiment}/{variant}/fold{fold}.npz",
        data="results/datasets/{experiment}.npz",
        folds="results/folds/{experiment}.csv",
    output:
        "results/scores/{experiment}/{variant}/fold{fold}.csv",
    log:
        "results/logs/scores/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/scores/{experiment}/{variant}/fold{fold}.tsv"
    wildcard_constraints:
        experiment="shapespace",
    params:
        probes=config_at("experiments/{experiment}/probes"),
        objective=config_at("experiments/{experiment}/variants/{variant}/objective"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/score_shapespace.py"


rule shapespace_noise:
    input:
        model="results/models/shapespace/{variant}/fold{fold}/model.pt",
        spec="results/models/shapespace/{variant}/fold{fold}/model.json",
        data="results/datasets/shapespace.npz",
        folds="results/folds/shapespace.csv",
    output:
        table="results/tables/shapespace/noise/{variant}/fold{fold}.csv",
        examples="results/tables/shapespace/noise/{variant}/fold{fold}.npz",
    log:
        "results/logs/shapespace_noise/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/shapespace_noise/{variant}/fold{fold}.tsv"
    params:
        noise=config_at("experiments/shapespace/noise"),
        objective=config_at("experiments/shapespace/variants/{variant}/objective"),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/shapespace_noise.py"


rule aggregate_shapespace_noise:
    input:
        shapespace_noise_tables,
    output:
        report(
            "results/tables/shapespace/noise.csv",
            caption="../report/shapespace_noise_table.rst",
            category="shapespace",
            subcategory="tables",
        ),
    log:
        "results/logs/aggregate_shapespace_noise.log",
    benchmark:
        "results/benchmarks/aggregate_shapespace_noise.tsv"
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/aggregate_tables.py"


rule figure_shapespace_scores:
    input:
        scores="results/tables/shapespace/scores.csv",
    output:
        mapping=report(
            "results/figures/shapespace/mapping.png",
            caption="../report/shapespace_mapping.rst",
            category="shapespace",
            subcategory="mapping",
        ),
        nuisance=report(
            "results/figures/shapespace/nuisance.png",
            caption="../report/shapespace_nuisance.rst",
            category="shapespace",
            subcategory="mapping",
        ),
    log:
        "results/logs/figures/shapespace/scores.log",
    benchmark:
        "results/benchmarks/figures/shapespace/scores.tsv"
    params:
        variants=config_at("experiments/shapespace/variants"),
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_shapespace_scores.py"


rule figure_shapespace_classifier_accuracy:
    input:
        histories=shapespace_classifier_histories,
        scores="results/tables/shapespace/scores.csv",
    output:
        report(
            "results/figures/shapespace/classifier_accuracy.png",
            caption="../report/shapespace_classifier_accuracy.rst",
            category="shapespace",
            subcategory="mapping",
        ),
    log:
        "results/logs/figures/shapespace/classifier_accuracy.log",
    benchmark:
        "results/benchmarks/figures/shapespace/classifier_accuracy.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_shapespace_classifier_accuracy.py"


rule figure_shapespace_reconstructions:
    input:
        data="results/datasets/shapespace.npz",
        features=shapespace_reconstruction_features,
    output:
        report(
            "results/figures/shapespace/reconstructions.png",
            caption="../report/shapespace_reconstructions.rst",
            category="shapespace",
            subcategory="noise",
        ),
    log:
        "results/logs/figures/shapespace/reconstructions.log",
    benchmark:
        "results/benchmarks/figures/shapespace/reconstructions.tsv"
    params:
        labels=lambda wildcards: shapespace_noise_variants(),
        n_examples=config["figures"]["n_examples"],
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_shapespace_reconstructions.py"


rule figure_shapespace_noise:
    input:
        tables=shapespace_noise_tables,
        examples=shapespace_example_noise,
    output:
        bce=report(
            "results/figures/shapespace/noise_bce.png",
            caption="../report/shapespace_noise_bce.rst",
            category="shapespace",
            subcategory="noise",
        ),
        patterns=report(
            "results/figures/shapespace/noise_patterns.png",
            caption="../report/shapespace_noise_patterns.rst",
            category="shapespace",
            subcategory="noise",
        ),
        levels=report(
            "results/figures/shapespace/noise_levels.png",
            caption="../report/shapespace_noise_levels.rst",
            category="shapespace",
            subcategory="noise",
        ),
    log:
        "results/logs/figures/shapespace/noise.log",
    benchmark:
        "results/benchmarks/figures/shapespace/noise.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_shapespace_noise.py"
