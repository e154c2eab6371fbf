#!/usr/bin/env bash
# Stop the single-node test cluster started by start_cluster.sh
# (slurmd, slurmctld, munged). Job state is kept in /var/spool/slurmctld.
set -euo pipefail

stop_pidfile() {
    local name=$1 pidfile=$2 pid
    [[ -f $pidfile ]] || return 0
    pid=$(cat "$pidfile")
    # only kill if the pid still belongs to that daemon (no stale-pid accidents)
    if [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$name" ]]; then
        echo "[stop_cluster] stopping $name ($pid)" >&2
        kill "$pid" || true
        for _ in $(seq 1 30); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" || true
    fi
    rm -f "$pidfile"
}

stop_pidfile slurmd /run/slurmd.pid
stop_pidfile slurmctld /run/slurmctld.pid
stop_pidfile munged /run/munge/munged.pid
