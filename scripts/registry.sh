#!/usr/bin/env bash
# A throwaway image registry on loopback (Debian's docker-registry, the CNCF distribution
# server), for the smoke tests that push and promote images (test/smoke/ciJobs.test.ts).
#
# Usage: scripts/registry.sh start DIR PORT   serve 127.0.0.1:PORT, data and pid under DIR
#        scripts/registry.sh stop DIR         stop the registry started with that DIR
# start prints the registry's address and waits until /v2/ answers. It serves plain HTTP, so
# it is declared insecure (127.0.0.1:PORT only) in a drop-in of /etc/containers/registries.conf.d,
# which podman (the `docker` of the smoke tests) and skopeo both read; stop removes it. That is
# what a team does for a local registry; the generated scripts run unchanged.
set -euo pipefail

die() { printf 'registry.sh: %s\n' "$*" >&2; exit 1; }

command="${1:-}"
dir="${2:-}"
[[ -n "${command}" && -n "${dir}" ]] || die "usage: scripts/registry.sh start DIR PORT | stop DIR"

case "${command}" in
  start)
    port="${3:-}"
    [[ "${port}" =~ ^[0-9]+$ ]] || die "start needs a port number: scripts/registry.sh start DIR PORT"
    command -v docker-registry >/dev/null || die "docker-registry not found: apt-get install docker-registry"
    mkdir -p "${dir}/data"
    cat >"${dir}/config.yml" <<CONFIG
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${dir}/data
  delete:
    enabled: true
http:
  addr: 127.0.0.1:${port}
CONFIG
    dropin="/etc/containers/registries.conf.d/create-ml-prod-registry-${port}.conf"
    mkdir -p "$(dirname "${dropin}")"
    echo "${dropin}" >"${dir}/dropin"
    cat >"${dropin}" <<CONF
[[registry]]
location = "127.0.0.1:${port}"
insecure = true
CONF
    docker-registry serve "${dir}/config.yml" >"${dir}/registry.log" 2>&1 &
    echo $! >"${dir}/registry.pid"
    for _ in $(seq 1 100); do
      if curl --silent --fail "http://127.0.0.1:${port}/v2/" >/dev/null; then
        echo "127.0.0.1:${port}"
        exit 0
      fi
      kill -0 "$(cat "${dir}/registry.pid")" 2>/dev/null || { cat "${dir}/registry.log" >&2; die "docker-registry exited"; }
      sleep 0.1
    done
    cat "${dir}/registry.log" >&2
    die "docker-registry did not answer on 127.0.0.1:${port}"
    ;;
  stop)
    if [[ -f "${dir}/registry.pid" ]]; then
      pid="$(cat "${dir}/registry.pid")"
      kill "${pid}" 2>/dev/null || true
      rm -f "${dir}/registry.pid"
    fi
    if [[ -f "${dir}/dropin" ]]; then
      rm -f "$(cat "${dir}/dropin")" "${dir}/dropin"
    fi
    ;;
  *)
    die "unknown command '${command}': use start or stop"
    ;;
esac
