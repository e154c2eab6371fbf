# The disks experiment's figures (Newson et al. figs 2-8, 11-13), included by disks.smk, whose
# helpers they use.


rule figure_disk_reconstructions:
    input:
        data="results/datasets/{experiment}.npz",
        features=figure_features,
    output:
        report(
            "results/figures/{experiment}/{variant}/reconstructions.png",
            caption="../report/disks_reconstructions.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/reconstructions.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/reconstructions.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
        train_exclude=config_at("experiments/{experiment}/variants/{variant}/train_exclude"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_reconstructions.py"


rule figure_disk_profiles:
    input:
        data="results/datasets/{experiment}.npz",
        features=figure_features,
    output:
        report(
            "results/figures/{experiment}/{variant}/profiles.png",
            caption="../report/disks_profiles.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/profiles.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/profiles.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_profiles.py"


rule figure_disk_decoder_theory:
    input:
        data="results/datasets/{experiment}.npz",
        features=figure_features,
    output:
        report(
            "results/figures/{experiment}/{variant}/decoder_theory.png",
            caption="../report/disks_decoder_theory.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/decoder_theory.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/decoder_theory.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        radius_max=config_at("experiments/{experiment}/dataset/radius_max"),
        train_exclude=config_at("experiments/{experiment}/variants/{variant}/train_exclude"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_decoder_theory.py"


rule figure_disk_regularisation:
    input:
        data="results/datasets/{experiment}.npz",
        features=group_features("regularisation"),
    output:
        report(
            "results/figures/{experiment}/regularisation.png",
            caption="../report/disks_regularisation.rst",
            category="{experiment}",
            subcategory="regularisation",
        ),
    log:
        "results/logs/figures/{experiment}/regularisation.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/regularisation.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        variants=lambda wildcards: config["experiments"][wildcards.experiment]["figures"]["regularisation"],
        hole=lambda wildcards: group_hole(wildcards.experiment, "regularisation"),
        fold=lambda wildcards: group_fold(wildcards.experiment, "regularisation"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_regularisation.py"


rule figure_disk_lambda_sweep:
    input:
        data="results/datasets/{experiment}.npz",
        features=group_features("lambda_sweep"),
        scores="results/tables/{experiment}/scores.csv",
    output:
        report(
            "results/figures/{experiment}/lambda_sweep.png",
            caption="../report/disks_lambda_sweep.rst",
            category="{experiment}",
            subcategory="regularisation",
        ),
    log:
        "results/logs/figures/{experiment}/lambda_sweep.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/lambda_sweep.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
        variants=lambda wildcards: config["experiments"][wildcards.experiment]["figures"]["lambda_sweep"],
        weights=lambda wildcards: group_weights(wildcards.experiment, "lambda_sweep"),
        hole=lambda wildcards: group_hole(wildcards.experiment, "lambda_sweep"),
        fold=lambda wildcards: group_fold(wildcards.experiment, "lambda_sweep"),
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_lambda_sweep.py"


rule figure_disk_interpolation:
    input:
        model=figure_model,
        spec=lambda wildcards: figure_model(wildcards).replace(".pt", ".json"),
        features=figure_features,
    output:
        report(
            "results/figures/{experiment}/{variant}/interpolation.png",
            caption="../report/disks_interpolation.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/interpolation.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/interpolation.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
        n_examples=config["figures"]["n_examples"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_interpolation.py"


rule figure_disk_code_vs_size:
    input:
        features=variant_features,
        data="results/datasets/{experiment}.npz",
    output:
        report(
            "results/figures/{experiment}/{variant}/code_vs_size.png",
            caption="../report/disks_code_vs_size.rst",
            category="{experiment}",
            subcategory="{variant}",
        ),
    log:
        "results/logs/figures/{experiment}/{variant}/code_vs_size.log",
    benchmark:
        "results/benchmarks/figures/{experiment}/{variant}/code_vs_size.tsv"
    wildcard_constraints:
        experiment="disks",
    params:
        dpi=config["figures"]["dpi"],
    conda:
        "../../envs/shapeae.yaml"
    script:
        "../scripts/figure_disk_code_vs_size.py"
