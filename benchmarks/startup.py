"""Start-up and job-seconds per rule of a finished run.

    python benchmarks/startup.py                   # the run in this directory
    python benchmarks/startup.py /tmp/full         # ... in /tmp/full
    python benchmarks/startup.py --imports         # no run needed: each script's imports, fresh interpreters

Start-up is the seconds from a job's process start to the first line of its own work: every job's
first log line is `start-up <s> s (rule <name>)` (`shapeae.jobs.start`): the interpreter, Snakemake's
script preamble and the job's imports, measured from the process's start time in the kernel. The
first form reads those lines back from every log of a finished run, and each job's wall seconds from
its benchmark file (the rule of each benchmark from Snakemake's own logs under .snakemake/log), and
prints per rule: jobs, median and largest start-up, job-seconds, and the same over all jobs.
`--imports` times, for each script under workflow/scripts, a fresh interpreter that makes only that
script's imports (median of `--repeats`): a quick check while cutting imports, without the preamble.
"""
import argparse
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"start-up ([\d.]+) s \(rule (\S+)\)")


def from_logs(run_dir):
    """{rule: [seconds of each job]} from the start-up lines of every log under run_dir/results/logs."""
    per_rule = defaultdict(list)
    for log in sorted(Path(run_dir, "results/logs").rglob("*.log")):
        with open(log, errors="replace") as lines:
            for line in lines:
                if match := LINE.search(line):
                    per_rule[match[2]].append(float(match[1]))
                    break
    return per_rule


def job_seconds(run_dir):
    """{rule: [wall seconds of each job]} from the benchmark files of every job the run's Snakemake logs name."""
    rule_of = {}
    for log in sorted(Path(run_dir, ".snakemake/log").glob("*.snakemake.log")):
        rule = None
        for line in log.read_text(errors="replace").splitlines():
            if match := re.match(r"(?:local)?rule (\S+):$", line):
                rule = match[1]
            elif rule and (match := re.match(r"\s+benchmark: (\S+)$", line)):
                rule_of[match[1]] = rule
    seconds = defaultdict(list)
    for path, rule in rule_of.items():
        table = Path(run_dir, path)
        if table.exists():
            header, values = table.read_text().splitlines()[:2]
            seconds[rule].append(float(dict(zip(header.split("\t"), values.split("\t")))["s"]))
    return seconds


def script_imports(script):
    """The top-level import lines of a workflow script, as one statement."""
    lines = script.read_text().splitlines()
    return "; ".join(line for line in lines if re.match(r"(from \S+ )?import ", line))


def time_imports(script, repeats):
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'workflow')!r}); {script_imports(script)}"
    seconds = []
    for _ in range(repeats):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def report(per_rule, what, wall=None):
    """One row per rule: jobs, median and largest start-up, summed start-up, and (given `wall`, each
    job's seconds per rule from the benchmarks) the rule's job-seconds."""
    every_job = [s for seconds in per_rule.values() for s in seconds] or [float("nan")]  # a run from before the lines
    wall = wall or {}
    if not per_rule and not wall:
        sys.exit(f"no start-up lines or benchmarks found ({what})")
    print(f"{'rule':38s} {'jobs':>5s} {'start-up median s':>18s} {'max s':>7s} {'sum s':>7s} {'job-s':>8s}")
    total = {rule: sum(jobs) for rule, jobs in wall.items()}
    for rule in sorted(set(per_rule) | set(wall), key=lambda r: (-total.get(r, 0), -sum(per_rule.get(r, [0])))):
        seconds = per_rule.get(rule, [float("nan")])
        print(f"{rule:38s} {len(wall.get(rule, per_rule.get(rule, []))):5d} {statistics.median(seconds):18.2f} {max(seconds):7.2f} "
              f"{sum(seconds):7.1f} {total.get(rule, float('nan')):8.1f}")
    n_jobs = sum(map(len, wall.values())) or len(every_job)
    print(f"{'all jobs':38s} {n_jobs:5d} {statistics.median(every_job):18.2f} {max(every_job):7.2f} "
          f"{sum(every_job):7.1f} {sum(total.values()) if wall else float('nan'):8.1f}   ({what})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", nargs="?", default=".", help="a run's directory (holds results/logs)")
    parser.add_argument("--imports", action="store_true", help="time each script's imports instead")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.imports:
        scripts = sorted((ROOT / "workflow/scripts").glob("*.py"))
        report({s.stem: [time_imports(s, args.repeats)] for s in scripts}, "imports only, per script")
    else:
        report(from_logs(args.run_dir), f"the run in {args.run_dir}", job_seconds(args.run_dir))


if __name__ == "__main__":
    main()
