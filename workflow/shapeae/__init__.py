"""ShapeAE: autoencoders on simple geometric images (library behind the Snakemake workflow)."""
