#!/usr/bin/env bash
# The storage servers the remote tests talk to, on loopback only.
#   .ci/servers.sh install   install what is missing (root: apt-get; npm into $DVC_CI_TOOLS)
#   .ci/servers.sh start     start each installed server that is not already listening
#   .ci/servers.sh stop      stop the servers this script started
#   .ci/servers.sh env       print the variables the tests read (sourceable)
# Idempotent and quick when everything is there: install checks before it downloads, start checks
# the port before it launches. A server that cannot be installed or started is reported and left
# out; its tests then report themselves inconclusive with the reason, they never pass.
#
#   SSH    Debian's openssh-server, its own sshd_config, host key and client key  127.0.0.1:2222
#   Azure  Azurite (npm, pinned), blob service, in-memory                         127.0.0.1:10000
#   S3     moto_server (moto, the AWS mock that DVC's own S3 tests use)           127.0.0.1:5055
#          and a second one that checks credentials, as S3 does, for the auth tests 127.0.0.1:5056
# The tests find them through these fixed ports and the files under $DVC_TEST_SERVERS
# (default /tmp/dvc-build-servers); the variables below override the ports.
set -uo pipefail

state=${DVC_TEST_SERVERS:-/tmp/dvc-build-servers}
tools=${DVC_CI_TOOLS:-/opt/dvc-build-ci}
ssh_port=${DVC_TEST_SSH_PORT:-2222}
azure_port=${DVC_TEST_AZURE_PORT:-10000}
s3_port=${DVC_TEST_S3_PORT:-5055}
s3_auth_port=${DVC_TEST_S3_AUTH_PORT:-5056}
azurite_version=3.37.0

log() { echo "servers: $*" >&2; }
sudo_cmd() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"; else return 1; fi; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_listening() {
  local port=$1 tries=${2:-100}
  for ((i = 0; i < tries; i++)); do listening "$port" && return 0; sleep 0.1; done
  return 1
}
sshd_bin() { for b in /usr/sbin/sshd "$(command -v sshd 2>/dev/null)"; do [ -x "$b" ] && { echo "$b"; return 0; }; done; return 1; }
azurite_bin() { [ -x "$tools/azurite/node_modules/.bin/azurite-blob" ] && echo "$tools/azurite/node_modules/.bin/azurite-blob"; }
moto_bin() { command -v moto_server 2>/dev/null; }

install() {
  if ! sshd_bin >/dev/null; then
    log "installing openssh-server"
    sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq &&
      sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
        --no-install-recommends openssh-server >/dev/null || log "openssh-server could not be installed"
  fi
  if ! azurite_bin >/dev/null && command -v npm >/dev/null 2>&1; then
    log "installing azurite@$azurite_version into $tools/azurite"
    mkdir -p "$tools/azurite" &&
      npm install --prefix "$tools/azurite" --no-audit --no-fund --loglevel=error "azurite@$azurite_version" >/dev/null ||
      log "azurite could not be installed"
  fi
  # moto is no Debian or npm package: it is used where the machine image ships it (pip), and the
  # S3 tests are inconclusive elsewhere.
  moto_bin >/dev/null || log "moto_server not found: the S3 tests will be inconclusive"
}

start_ssh() {
  local dir=$state/ssh bin
  bin=$(sshd_bin) || { log "sshd not installed"; return 0; }
  listening "$ssh_port" && return 0
  mkdir -p "$dir" && chmod 700 "$dir"
  [ -f "$dir/host_ed25519" ] || ssh-keygen -q -t ed25519 -N "" -f "$dir/host_ed25519"
  [ -f "$dir/client_ed25519" ] || ssh-keygen -q -t ed25519 -N "" -f "$dir/client_ed25519"
  cp "$dir/client_ed25519.pub" "$dir/authorized_keys"
  cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$ssh_port
HostKey $dir/host_ed25519
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
UseDNS no
MaxStartups 100
MaxSessions 100
Subsystem sftp internal-sftp
EOF
  sudo_cmd mkdir -p /run/sshd 2>/dev/null || true
  "$bin" -f "$dir/sshd_config" -E "$dir/sshd.log" || { log "sshd did not start (see $dir/sshd.log)"; return 0; }
  wait_listening "$ssh_port" || log "sshd is not listening on $ssh_port (see $dir/sshd.log)"
}

start_azure() {
  local dir=$state/azurite bin
  bin=$(azurite_bin) || { log "azurite not installed"; return 0; }
  listening "$azure_port" && return 0
  mkdir -p "$dir" && cd "$dir" || return 0
  # --inMemoryPersistence: nothing to clean between runs; --skipApiVersionCheck: the SDK may be newer
  # than the emulator's list of API versions.
  setsid nohup "$bin" --blobHost 127.0.0.1 --blobPort "$azure_port" --inMemoryPersistence \
    --skipApiVersionCheck --silent >"$dir/azurite.log" 2>&1 </dev/null &
  echo $! >"$dir/azurite.pid"
  wait_listening "$azure_port" 300 || log "azurite is not listening on $azure_port (see $dir/azurite.log)"
}

start_s3() {
  local dir=$state/s3 bin
  bin=$(moto_bin) || { log "moto_server not installed"; return 0; }
  mkdir -p "$dir"
  if ! listening "$s3_port"; then
    setsid nohup "$bin" -H 127.0.0.1 -p "$s3_port" >"$dir/moto.log" 2>&1 </dev/null &
    echo $! >"$dir/moto.pid"
  fi
  # moto accepts any key unless told to authenticate from the first request on.
  if ! listening "$s3_auth_port"; then
    INITIAL_NO_AUTH_ACTION_COUNT=0 setsid nohup "$bin" -H 127.0.0.1 -p "$s3_auth_port" >"$dir/moto-auth.log" 2>&1 </dev/null &
    echo $! >"$dir/moto-auth.pid"
  fi
  wait_listening "$s3_port" 300 || log "moto_server is not listening on $s3_port (see $dir/moto.log)"
  wait_listening "$s3_auth_port" 300 || log "moto_server is not listening on $s3_auth_port (see $dir/moto-auth.log)"
}

stop_pidfile() {
  local file=$1
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  # setsid made each server its own process group: end that group only.
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  rm -f "$file"
}

print_env() {
  echo "export DVC_TEST_SERVERS=$state"
  echo "export DVC_TEST_SSH_PORT=$ssh_port DVC_TEST_AZURE_PORT=$azure_port DVC_TEST_S3_PORT=$s3_port DVC_TEST_S3_AUTH_PORT=$s3_auth_port"
}

case "${1:-}" in
  install) install ;;
  start) start_ssh; start_azure; start_s3 ;;
  stop)
    stop_pidfile "$state/ssh/sshd.pid"
    stop_pidfile "$state/azurite/azurite.pid"
    stop_pidfile "$state/s3/moto.pid"
    stop_pidfile "$state/s3/moto-auth.pid"
    ;;
  env) print_env ;;
  *) echo "usage: $0 install|start|stop|env" >&2; exit 2 ;;
esac
exit 0
