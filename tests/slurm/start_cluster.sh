#!/usr/bin/env bash
# Start a single-node SLURM "cluster" on this machine for tests.
#
# - installs slurm-wlm + munge (apt) if slurmctld is missing
# - writes /etc/slurm/{slurm.conf,gres.conf} (Slurm's default
#   path: the executor plugin's job step drops SLURM_CONF from the env)
# - one node "localhost" (CPUs = nproc, one fake GPU: File=/dev/null),
#   partition "debug", no accounting, no cgroups, everything runs as root
# - starts munged, slurmctld, slurmd and waits until the node is idle
#
# Idempotent: if the cluster already answers and the node is usable it
# returns 0 immediately. Must run as root. Undo with stop_cluster.sh.
set -euo pipefail

SLURM_ETC=/etc/slurm
LOG_DIR=/var/log/slurm
WAIT_S=${SLURM_START_TIMEOUT:-60}

log() { echo "[start_cluster] $*" >&2; }

node_state() { timeout 5 sinfo -h -n localhost -o %T 2>/dev/null | head -n1 || true; }

usable_state() {
    # exact match: a trailing "*" (not responding), "~", "#"... is not usable
    case "$1" in
        idle|mixed|allocated|completing) return 0 ;;
        *) return 1 ;;
    esac
}

if [[ $(id -u) -ne 0 ]]; then
    log "must run as root"
    exit 1
fi

# ---- fast path: already up -------------------------------------------------
# (CONF_VERSION marks the slurm.conf written below: a cluster started with an older one restarts)
CONF_VERSION=3
if command -v sinfo >/dev/null 2>&1 && grep -qx "# config version $CONF_VERSION" "$SLURM_ETC/slurm.conf" 2>/dev/null \
    && timeout 5 scontrol ping 2>/dev/null | grep -q 'is UP' \
    && usable_state "$(node_state)"; then
    log "cluster already up ($(node_state))"
    exit 0
fi

# running PIDFILE NAME: pid file exists and its pid is that daemon
running() { [[ -f $1 && $(cat "/proc/$(cat "$1")/comm" 2>/dev/null) == "$2" ]]; }

# daemons running but cluster not usable (e.g. node drained/invalid after a
# config change, which "scontrol reconfigure" cannot fix) or an older config: start from scratch
if running /run/slurmctld.pid slurmctld || running /run/slurmd.pid slurmd; then
    log "slurm running but node not usable: restarting daemons"
    bash "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/stop_cluster.sh"
fi

# ---- packages --------------------------------------------------------------
if ! command -v slurmctld >/dev/null 2>&1; then
    log "installing slurm-wlm and munge via apt"
    # never let the package scripts start services (no systemd in containers;
    # they would also fail without a config)
    made_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y -q --no-install-recommends slurm-wlm munge >/tmp/slurm-apt.log 2>&1; then
        # stale package lists (fresh containers): update once and retry
        apt-get update -q >>/tmp/slurm-apt.log 2>&1 || true
        apt-get install -y -q --no-install-recommends slurm-wlm munge >>/tmp/slurm-apt.log 2>&1 || {
            tail -n 50 /tmp/slurm-apt.log >&2
            [[ $made_policy -eq 1 ]] && rm -f /usr/sbin/policy-rc.d
            exit 1
        }
    fi
    [[ $made_policy -eq 1 ]] && rm -f /usr/sbin/policy-rc.d
fi

# ---- munge -----------------------------------------------------------------
install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
install -d -o munge -g munge -m 0755 /run/munge
if [[ ! -s /etc/munge/munge.key ]]; then
    log "creating munge key"
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    if running /run/munge/munged.pid munged; then
        kill "$(cat /run/munge/munged.pid)" || true
        sleep 1
    fi
    rm -f /run/munge/munged.pid /run/munge/munge.socket.2*
    log "starting munged"
    runuser -u munge -- /usr/sbin/munged
    for _ in $(seq 1 20); do
        munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break
        sleep 0.5
    done
    munge -n | unmunge >/dev/null
fi

# ---- config ----------------------------------------------------------------
ncpu=$(nproc)
mem_total_mb=$(awk '/^MemTotal:/ {print int($2/1024)}' /proc/meminfo)
# a bit under the physical memory, so slurmd never reports "low RealMemory"
real_mem=$(( mem_total_mb * 9 / 10 ))

install -d -m 0755 "$SLURM_ETC" "$LOG_DIR" /var/spool/slurmctld /var/spool/slurmd

conf_new=$(mktemp)
cat > "$conf_new" <<CONF
# Written by tests/slurm/start_cluster.sh -- single-node test cluster.
# config version $CONF_VERSION
ClusterName=shapeae
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
# no cgroups in containers
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldLogFile=$LOG_DIR/slurmctld.log
SlurmdLogFile=$LOG_DIR/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
GresTypes=gpu
# (AccountingStorageTRES=gres/gpu would need slurmdbd: slurmctld dies.
#  "scontrol show job" still shows TresPerJob=gres:gpu:N for --gpus=N.)
MailProg=/bin/true
# no accounting (no slurmdbd): status via squeue, so keep finished jobs long
AccountingStorageType=accounting_storage/none
# memory use polled every second and a job over its --mem killed (no cgroups here): what a site's
# cgroup limit does, so that the retry test can make a job fail on its first attempt only
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=task=1
JobAcctGatherParams=OverMemoryKill
JobCompType=jobcomp/none
MinJobAge=3600
SlurmctldTimeout=30
SlurmdTimeout=60
InactiveLimit=0
KillWait=10
Waittime=0
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$ncpu RealMemory=$real_mem Gres=gpu:1 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
install -m 0644 "$conf_new" "$SLURM_ETC/slurm.conf"
rm -f "$conf_new"

cat > "$SLURM_ETC/gres.conf" <<'CONF'
# fake GPU for tests: no device, Slurm only does the bookkeeping
NodeName=localhost Name=gpu File=/dev/null
CONF
chmod 0644 "$SLURM_ETC/gres.conf"

# ---- daemons ---------------------------------------------------------------
log "starting slurmctld"
slurmctld
log "starting slurmd"
# -N: node name is "localhost" whatever hostname(1) says
slurmd -N localhost

dump_logs() {
    log "cluster did not come up; sinfo / logs follow"
    sinfo -N -l >&2 || true
    scontrol show node localhost >&2 || true
    for f in "$LOG_DIR/slurmctld.log" "$LOG_DIR/slurmd.log"; do
        echo "===== $f" >&2
        tail -n 60 "$f" >&2 2>/dev/null || true
    done
}

deadline=$(( SECONDS + WAIT_S ))
next_resume=$(( SECONDS + 3 ))
while :; do
    st=$(node_state)
    if usable_state "$st"; then
        log "cluster up: node localhost is $st"
        exit 0
    fi
    # node state kept from an earlier run (down/drained/inval) in
    # /var/spool/slurmctld: put it back in service
    if [[ $st =~ ^(down|drain|inval|fail) ]] && (( SECONDS >= next_resume )); then
        log "node is $st: resuming it"
        scontrol update nodename=localhost state=resume >/dev/null 2>&1 || true
        next_resume=$(( SECONDS + 5 ))
    fi
    if ! running /run/slurmctld.pid slurmctld || ! running /run/slurmd.pid slurmd; then
        log "a slurm daemon exited"
        dump_logs
        exit 1
    fi
    if (( SECONDS >= deadline )); then
        dump_logs
        exit 1
    fi
    sleep 1
done
