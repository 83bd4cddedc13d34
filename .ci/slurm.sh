#!/usr/bin/env bash
# Stands up (start) or tears down (stop) a single-node Slurm cluster on localhost for the Slurm
# end-to-end tests and the slurm8 bench row. Idempotent: start on a running cluster only waits for
# the node to be idle; stop on a stopped one does nothing. Needs root (apt-get, munged, slurmd).
# The cluster has no cgroup plugins (containers rarely allow them), no slurmdbd: completed jobs are
# logged by jobcomp/filetxt to $state/jobcomp.log, which the tests read because `sacct` without a
# database has nothing to show. Scheduling: CR_CPU with CPUs=2 and OverSubscribe=NO gives each array
# task one CPU and runs exactly two at once, as a local RunAll with Jobs=2. Slurm 22.05 (Debian's)
# starts pending array tasks on its controller's once-a-second background pass, so each round of
# tasks waits 0-1 s after the previous one ends; no slurm.conf setting of that version shortens it
# (SchedulerParameters=batch_sched_delay=0,sched_min_interval=0 measured: no change).
set -uo pipefail

state=/var/spool/dvc-slurm
conf=/etc/slurm/slurm.conf
sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"

start() {
  if ! command -v sbatch >/dev/null 2>&1 || ! command -v slurmctld >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 || { echo "slurm.sh: no apt-get to install slurm-wlm" >&2; return 1; }
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq slurm-wlm munge >/dev/null || return 1
  fi

  $sudo mkdir -p /etc/munge /var/run/munge /var/lib/munge /var/log/munge "$state/ctld" "$state/d" /etc/slurm
  if [ ! -s /etc/munge/munge.key ]; then
    $sudo dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  $sudo chown -R munge:munge /etc/munge /var/run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
  $sudo chmod 0700 /etc/munge; $sudo chmod 0400 /etc/munge/munge.key

  local cpus=2
  local new
  new=$(cat <<CONF
# Single-node test cluster written by .ci/slurm.sh.
ClusterName=dvcbuild
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$state/ctld
SlurmdSpoolDir=$state/d
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$state/jobcomp.log
ReturnToService=2
MinJobAge=300
SchedulerType=sched/backfill
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP OverSubscribe=NO
CONF
)
  local changed=false
  if [ "$(cat "$conf" 2>/dev/null)" != "$new" ]; then
    printf '%s\n' "$new" | $sudo tee "$conf" >/dev/null
    $sudo touch /etc/slurm/cgroup.conf
    changed=true
  fi

  if ! pgrep -x munged >/dev/null; then
    $sudo -u munge /usr/sbin/munged 2>/dev/null || $sudo /usr/sbin/munged --force || return 1
  fi
  if ! pgrep -x slurmctld >/dev/null; then
    $sudo /usr/sbin/slurmctld || return 1
  fi
  if ! pgrep -x slurmd >/dev/null; then
    $sudo /usr/sbin/slurmd -N localhost || return 1
  fi
  # Daemons that were already running read a changed slurm.conf only when told to.
  if $changed; then scontrol reconfigure >/dev/null 2>&1 || true; fi

  for _ in $(seq 1 60); do
    local st
    st=$(sinfo -h -N -n localhost -o '%t' 2>/dev/null | head -n 1)
    case "$st" in
      idle|mix|alloc) echo "slurm: node localhost $st"; return 0 ;;
      down*|drain*) $sudo scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 ;;
    esac
    sleep 0.5
  done
  echo "slurm.sh: the node did not become idle: $(sinfo -N 2>&1 | tail -n 1)" >&2
  return 1
}

stop() {
  # Each daemon by the pid file it wrote, never by name.
  for pidfile in "$state/slurmd.pid" "$state/slurmctld.pid"; do
    if [ -s "$pidfile" ]; then
      local pid; pid=$(cat "$pidfile")
      $sudo kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      $sudo rm -f "$pidfile"
    fi
  done
  local mpid=/var/run/munge/munged.pid
  if [ -s "$mpid" ]; then $sudo kill "$(cat "$mpid")" 2>/dev/null || true; fi
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
