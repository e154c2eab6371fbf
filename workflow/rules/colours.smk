# The coloured-shapes experiment (OSU report, section 4.3): held-out probe scores of the autoencoder
# and of the contrastive encoders (tabled by scores.smk), and the report's figures, measured.
# Dataset, folds, training and extraction are the generic stages.


include: "colours_common.smk"


rule score_colours:
    input:
        features="results/features/{experiment}/{variant}/fold{fold}.npz",
        history="results/models/{experiment}/{variant}/fold{fold}/history.csv",
        data="results/datasets/{experiment}.npz",
        folds="results/folds/{experiment}.csv",
    output:
        "results/scores/{experiment}/{variant}/fold{fold}.csv",
    log:
        "results/logs/scores/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/scores/{experiment}/{variant}/fold{fold}.tsv"
    wildcard_constraints:
        experiment="colours",
    params:
        probes=config_at("experiments/{experiment}/probes"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/score_colours.py"


rule figure_colours_reconstructions:
    input:
        unpack(colours_figure_features),
        data="results/datasets/colours.npz",
    output:
        report(
            "results/figures/colours/reconstructions.png",
            caption="../report/colours_reconstructions.rst",
            category="colours",
            subcategory="autoencoder",
        ),
    log:
        "results/logs/figures/colours/reconstructions.log",
    benchmark:
        "results/benchmarks/figures/colours/reconstructions.tsv"
    params:
        variants=config_at("experiments/colours/figures/reconstruction"),
        n_examples=config["figures"]["n_examples"],
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_colours_reconstructions.py"


rule figure_colours_embedding:
    input:
        unpack(colours_figure_features),
        data="results/datasets/colours.npz",
    output:
        embedding=report(
            "results/figures/colours/embedding.png",
            caption="../report/colours_embedding.rst",
            category="colours",
            subcategory="contrastive",
        ),
        neighbours=report(
            "results/figures/colours/neighbours.png",
            caption="../report/colours_neighbours.rst",
            category="colours",
            subcategory="contrastive",
        ),
    log:
        "results/logs/figures/colours/embedding.log",
    benchmark:
        "results/benchmarks/figures/colours/embedding.tsv"
    params:
        variants=config_at("experiments/colours/figures/embedding"),
        k=config_at("experiments/colours/probes/k"),
        n_queries=config["figures"]["n_examples"],
        seed=config["seed"],
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_colours_embedding.py"


rule figure_colours_scores:
    input:
        scores="results/tables/colours/scores.csv",
        histories=colours_histories,
    output:
        knn=report(
            "results/figures/colours/knn_accuracy.png",
            caption="../report/colours_knn_accuracy.rst",
            category="colours",
            subcategory="contrastive",
        ),
        curves=report(
            "results/figures/colours/training_curves.png",
            caption="../report/colours_training_curves.rst",
            category="colours",
            subcategory="training",
        ),
    log:
        "results/logs/figures/colours/scores.log",
    benchmark:
        "results/benchmarks/figures/colours/scores.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_colours_scores.py"
