# The perceptual-loss experiment (Pihlgren et al.): the loss network, held-out MLP probes of every
# encoder (tabled by scores.smk), their table 1, and fig. 1 from decoders refitted on frozen codes.
# Datasets, folds, training and extraction are the generic stages (variants name their dataset).


include: "perceptual_common.smk"


rule perceptual_loss_network:
    input:
        unpack(perceptual_loss_network_inputs),
    output:
        model="results/models/perceptual/loss_network/model.pt",
        spec="results/models/perceptual/loss_network/model.json",
        history="results/models/perceptual/loss_network/history.csv",
    log:
        "results/logs/train/perceptual/loss_network.log",
    benchmark:
        "results/benchmarks/train/perceptual/loss_network.tsv"
    params:
        training=config_at("experiments/perceptual/loss_network/training"),
        convergence=config["convergence"],
        device=config["compute"]["device"],
        seed=lambda wildcards: seeding.derive_seed(config["seed"], "perceptual", "loss_network"),
    threads: config["compute"]["train_threads"]
    resources:
        gpu=config["compute"]["train_gpus"],
    priority: PRIORITY_UNLOCKS_TRAINING
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/train_loss_network.py"


rule score_perceptual:
    input:
        unpack(perceptual_score_inputs),
    output:
        "results/scores/{experiment}/{variant}/fold{fold}.csv",
    log:
        "results/logs/scores/{experiment}/{variant}/fold{fold}.log",
    benchmark:
        "results/benchmarks/scores/{experiment}/{variant}/fold{fold}.tsv"
    wildcard_constraints:
        experiment="perceptual",
    params:
        dataset=lambda wildcards: perceptual_variant(wildcards)["dataset"],
        probes=config_at("experiments/perceptual/probes"),
        seed=job_seed,
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/score_perceptual.py"


rule perceptual_refit_decoder:
    input:
        unpack(variant_data),
        model="results/models/{experiment}/{variant}/fold{fold}/model.pt",
    output:
        model="results/models/{experiment}/{variant}/fold{fold}/pixel_decoder.pt",
        spec="results/models/{experiment}/{variant}/fold{fold}/pixel_decoder.json",
        history="results/models/{experiment}/{variant}/fold{fold}/pixel_decoder_history.csv",
    log:
        "results/logs/train/{experiment}/{variant}/fold{fold}_pixel_decoder.log",
    benchmark:
        "results/benchmarks/train/{experiment}/{variant}/fold{fold}_pixel_decoder.tsv"
    wildcard_constraints:
        experiment="perceptual",
    params:
        training=config_at("experiments/perceptual/figures/decoder"),
        convergence=config["convergence"],
        device=config["compute"]["device"],
        seed=job_seed,
    threads: config["compute"]["train_threads"]
    resources:
        gpu=config["compute"]["train_gpus"],
    priority: PRIORITY_FIGURE_MODEL
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/refit_decoder.py"


rule perceptual_table:
    input:
        "results/tables/perceptual/scores.csv",
    output:
        table=report(
            "results/tables/perceptual/table1.csv",
            caption="../report/perceptual_table_csv.rst",
            category="perceptual",
            subcategory="tables",
        ),
        figure=report(
            "results/figures/perceptual/table1.png",
            caption="../report/perceptual_table.rst",
            category="perceptual",
            subcategory="probes",
        ),
    log:
        "results/logs/figures/perceptual/table1.log",
    benchmark:
        "results/benchmarks/figures/perceptual/table1.tsv"
    params:
        variants=config_at("experiments/perceptual/variants"),
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_perceptual_table.py"


rule figure_perceptual_reconstructions:
    input:
        unpack(perceptual_figure_inputs),
        data=perceptual_figure_data,
    output:
        report(
            "results/figures/perceptual/reconstructions.png",
            caption="../report/perceptual_reconstructions.rst",
            category="perceptual",
            subcategory="reconstructions",
        ),
    log:
        "results/logs/figures/perceptual/reconstructions.log",
    benchmark:
        "results/benchmarks/figures/perceptual/reconstructions.tsv"
    params:
        variants=config_at("experiments/perceptual/figures/reconstruction"),
        n_examples=config["figures"]["n_examples"],
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_perceptual_reconstructions.py"


rule figure_perceptual_training_curves:
    input:
        histories=perceptual_histories,
        loss_network="results/models/perceptual/loss_network/history.csv",
    output:
        report(
            "results/figures/perceptual/training_curves.png",
            caption="../report/perceptual_training_curves.rst",
            category="perceptual",
            subcategory="training",
        ),
    log:
        "results/logs/figures/perceptual/training_curves.log",
    benchmark:
        "results/benchmarks/figures/perceptual/training_curves.tsv"
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_perceptual_training_curves.py"
