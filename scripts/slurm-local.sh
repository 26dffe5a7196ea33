#!/usr/bin/env bash
# A real one-node Slurm cluster on this machine, for nbrun's tests and demos.
#
#   scripts/slurm-local.sh start    munged, slurmctld, slurmd; waits until `sinfo` shows the node idle
#   scripts/slurm-local.sh stop     cancels the cluster's jobs, stops the three daemons, waits for them
#   scripts/slurm-local.sh status   which daemons run, and `sinfo` when the controller answers
#
# Needs root and Debian's slurmctld, slurmd, slurm-client and munge (`scripts/setup.sh --slurm`).
# Runs without systemd: each daemon is started by hand and stopped through its pid file. The
# configuration is scripts/slurm/slurm.conf with this machine's CPU count, written to
# /etc/slurm/slurm.conf (the place sbatch, sinfo and the daemons read) unless that file holds a
# configuration this script did not write. Logs: /var/log/slurm/. See docs/scale-out.md.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
TEMPLATE="$HERE/slurm/slurm.conf"
CONF=/etc/slurm/slurm.conf
MARKER="# nbrun's one-node local Slurm cluster"
MUNGE_PID=/run/munge/munged.pid
CTLD_PID=/run/slurmctld.pid
SLURMD_PID=/run/slurmd.pid
START_TIMEOUT=${SLURM_LOCAL_TIMEOUT:-60}

say() { printf 'slurm-local: %s\n' "$*" >&2; }
fail() { printf 'slurm-local: error: %s\n' "$*" >&2; exit 1; }

running() {  # running PIDFILE: the daemon of that pid file is alive
    [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

need() {
    [ "$(id -u)" -eq 0 ] || fail "run as root (the daemons run as root here)"
    for tool in munged slurmctld slurmd sinfo sbatch scontrol; do
        command -v "$tool" >/dev/null 2>&1 || fail "$tool not found: install Slurm with scripts/setup.sh --slurm"
    done
}

write_conf() {
    if [ -f "$CONF" ] && ! head -n 1 "$CONF" | grep -qF "$MARKER"; then
        fail "$CONF holds a configuration this script did not write; move it away to use the local cluster"
    fi
    mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
    sed "s/@CPUS@/$(nproc)/" "$TEMPLATE" > "$CONF.tmp"
    mv -f "$CONF.tmp" "$CONF"
}

start_munge() {
    running "$MUNGE_PID" && return 0
    [ -f /etc/munge/munge.key ] || { mungekey --create >/dev/null 2>&1 || fail "no /etc/munge/munge.key and mungekey failed"; }
    mkdir -p /run/munge /var/log/munge /var/lib/munge
    if id munge >/dev/null 2>&1; then
        # As Debian's service runs it: as the munge user, which owns its key, socket and log folders.
        chown -R munge:munge /run/munge /var/log/munge /var/lib/munge
        runuser -u munge -- munged || fail "munged did not start (see /var/log/munge/munged.log)"
    else
        # As root munged refuses to run without --force.
        munged --force || fail "munged did not start (see /var/log/munge/munged.log)"
    fi
}

wait_idle() {
    local start=$1 state=""
    while :; do
        state=$(sinfo -h -o %t 2>/dev/null | head -n 1 || true)
        [ "$state" = "idle" ] && return 0
        if [ $(( $(date +%s) - start )) -ge "$START_TIMEOUT" ]; then
            fail "the node is '${state:-not reported}' after ${START_TIMEOUT}s, not idle (see /var/log/slurm/)"
        fi
        sleep 0.5
    done
}

start() {
    need
    local start t0
    start=$(date +%s)
    t0=$(date +%s%N)
    write_conf
    start_munge
    running "$CTLD_PID" || slurmctld || fail "slurmctld did not start (see /var/log/slurm/slurmctld.log)"
    running "$SLURMD_PID" || slurmd -N localhost || fail "slurmd did not start (see /var/log/slurm/slurmd.log)"
    wait_idle "$start"
    say "up in $(( ($(date +%s%N) - t0) / 1000000 )) ms: node localhost idle with $(nproc) CPUs, partition local"
}

stop_daemon() {  # stop_daemon NAME PIDFILE
    running "$2" || return 0
    local pid
    pid=$(cat "$2")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    fail "$1 (pid $pid) did not stop within 30 s"
}

stop() {
    [ "$(id -u)" -eq 0 ] || fail "run as root"
    if running "$CTLD_PID"; then
        squeue -h -o %i 2>/dev/null | xargs -r scancel 2>/dev/null || true
    fi
    stop_daemon slurmd "$SLURMD_PID"
    stop_daemon slurmctld "$CTLD_PID"
    stop_daemon munged "$MUNGE_PID"
    say "stopped"
}

status() {
    local name file
    for name in munged slurmctld slurmd; do
        case $name in munged) file=$MUNGE_PID ;; slurmctld) file=$CTLD_PID ;; slurmd) file=$SLURMD_PID ;; esac
        if running "$file"; then echo "$name: running (pid $(cat "$file"))"; else echo "$name: stopped"; fi
    done
    if running "$CTLD_PID"; then
        sinfo
        squeue
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
