"""Copy the README's figures from a finished run into docs/images/, with a record of what drew them.

    python tools/docs_images.py RUN_DIR     # RUN_DIR: a checkout that built results/figures/all

docs/images/images.json records, for each image: the run's path it came from, the run's commit,
its own sha256, and the sha256 of every file of the code that draws it. tests/test_docs.py fails
when that code has changed since (the image may no longer be what the code draws) or the image is
not the one recorded: bring the run up to date (`snakemake --cores all results/figures/all` redraws
what the changed code draws) and run this again.
"""
import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs/images"
RECORD = IMAGES / "images.json"

# Each image of the README: the run's file and the code that draws it (script, then library).
DRAWN_BY = {
    "claims.png": ("results/figures/claims.png",
                   ["workflow/scripts/claims.py", "workflow/shapeae/claims.py", "workflow/shapeae/plots.py"]),
    "disks_regularisation.png": ("results/figures/disks/regularisation.png",
                                 ["workflow/scripts/figure_disk_regularisation.py",
                                  "workflow/shapeae/experiments/disks/figures.py", "workflow/shapeae/plots.py"]),
}


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def code_hashes(files):
    return {name: sha256(ROOT / name) for name in files}


def run_commit(run_dir):
    done = subprocess.run(["git", "-C", str(run_dir), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("run_dir", type=Path)
    args = parser.parse_args()
    record = {}
    for image, (source, code) in DRAWN_BY.items():
        path = args.run_dir / source
        if not path.exists():
            sys.exit(f"{path} does not exist: build results/figures/all in {args.run_dir} first")
        for name, digest in code_hashes(code).items():  # the run must have drawn it with this checkout's code
            if sha256(args.run_dir / name) != digest:
                sys.exit(f"{args.run_dir / name} differs from {name} here: the run's figure is not what this code draws")
        IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, IMAGES / image)
        record[image] = {"source": source, "run_commit": run_commit(args.run_dir),
                         "sha256": sha256(IMAGES / image), "code": code_hashes(code)}
    RECORD.write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    main()
