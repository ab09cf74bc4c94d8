#!/usr/bin/env bash
# Container engine for the image smoke tests (test/smoke/images.test.ts), idempotent:
#   1. installs podman, runc and debootstrap from apt when missing (root, or passwordless sudo);
#   2. writes /etc/containers/containers.conf (runc; ulimits the kernel accepts here);
#   3. writes a `docker` shim (exec podman "$@") into SHIM_DIR, to be put first on PATH by the
#      image tests only, so the generated cicd/*.sh scripts run unchanged;
#   4. builds a stand-in for python:3.11-slim once (debootstrap from this machine's apt mirror,
#      plus this machine's CA bundle), since no image registry is reachable here;
#   5. tags it with every image name given as an argument (the FROM names of the generated
#      Dockerfiles), so podman uses it instead of pulling.
# Everything machine-specific (mirror, CA, proxy) stays here, never in generated files.
#
# Usage: scripts/container-engine.sh [--check] [IMAGE_NAME...]
#   --check   exit 0 when an engine can be set up (podman present, or apt-get usable), else 1
# Environment: SHIM_DIR (default: .smoke/container-bin), BASE_IMAGE (default:
#   localhost/create-ml-prod/python:3.11-standin), DEBIAN_MIRROR (default: from the apt sources).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHIM_DIR="${SHIM_DIR:-${repo_root}/.smoke/container-bin}"
BASE_IMAGE="${BASE_IMAGE:-localhost/create-ml-prod/python:3.11-standin}"
LAMBDA_IMAGE="${LAMBDA_IMAGE:-localhost/create-ml-prod/lambda-python:3.11-standin}"

log() { printf '== container-engine: %s\n' "$*" >&2; }

if [[ "$(id -u)" == 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  sudo=(false)
fi

if [[ "${1:-}" == "--check" ]]; then
  if command -v podman >/dev/null; then exit 0; fi
  if command -v apt-get >/dev/null && [[ "${sudo[*]}" != false ]]; then exit 0; fi
  exit 1
fi

# ---- 1. packages ------------------------------------------------------------------------------
missing=()
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [[ "${#missing[@]}" -gt 0 ]]; then
  command -v apt-get >/dev/null || { log "no apt-get: install ${missing[*]} yourself"; exit 1; }
  [[ "${sudo[*]}" != false ]] || { log "not root and no passwordless sudo: install ${missing[*]} yourself"; exit 1; }
  log "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ---- 2. engine configuration -----------------------------------------------------------------
conf=/etc/containers/containers.conf
marker='# written by create-ml-prod scripts/container-engine.sh'
if [[ ! -f "${conf}" ]] || grep -qF "${marker}" "${conf}"; then
  tmp="$(mktemp)"
  cat >"${tmp}" <<CONF
${marker}
[containers]
# podman's default ulimits are refused here (setrlimit EPERM).
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]

[engine]
# crun fails on this kernel: "cgroups in hybrid mode not supported".
runtime = "runc"
CONF
  if ! cmp -s "${tmp}" "${conf}" 2>/dev/null; then
    "${sudo[@]}" mkdir -p /etc/containers
    "${sudo[@]}" cp "${tmp}" "${conf}"
    log "wrote ${conf}"
  fi
  rm -f "${tmp}"
else
  log "${conf} exists and is not ours: left as is"
fi

# ---- 3. docker shim --------------------------------------------------------------------------
mkdir -p "${SHIM_DIR}"
shim="${SHIM_DIR}/docker"
printf '#!/bin/sh\n# The generated scripts call docker; podman runs them here.\nexec podman "$@"\n' >"${shim}.tmp"
chmod +x "${shim}.tmp"
mv "${shim}.tmp" "${shim}"

podman() {
  if [[ "${#sudo[@]}" -eq 0 ]]; then command podman "$@"; else "${sudo[@]}" podman "$@"; fi
}

# ---- 4. stand-in base image ------------------------------------------------------------------
if ! podman image exists "${BASE_IMAGE}"; then
  mirror="${DEBIAN_MIRROR:-}"
  if [[ -z "${mirror}" ]]; then
    mirror="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 || true)"
  fi
  if [[ -z "${mirror}" ]]; then
    mirror="$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  work="$(mktemp -d)"
  trap '"${sudo[@]}" rm -rf "${work}"' EXIT
  started=$(date +%s)
  log "debootstrap bookworm from ${mirror}"
  "${sudo[@]}" debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
    bookworm "${work}/rootfs" "${mirror}" >"${work}/debootstrap.log" 2>&1 \
    || { tail -n 30 "${work}/debootstrap.log" >&2; exit 1; }
  "${sudo[@]}" rm -rf "${work}/rootfs/var/cache/apt/archives/"*.deb "${work}/rootfs/var/lib/apt/lists/"*
  "${sudo[@]}" tar -C "${work}/rootfs" -c . | podman import - localhost/create-ml-prod/debian-py:bookworm >/dev/null
  mkdir -p "${work}/ctx"
  cp /etc/ssl/certs/ca-certificates.crt "${work}/ctx/ca-certificates.crt"
  cat >"${work}/ctx/Dockerfile" <<'DOCKERFILE'
# Behaves like python:3.11-slim-bookworm for the generated Dockerfiles: python and pip on
# /usr/local/bin, no PEP 668 marker, and this machine's CA bundle for its package proxy.
FROM localhost/create-ml-prod/debian-py:bookworm
COPY ca-certificates.crt /usr/local/share/machine-ca.crt
RUN ln -sf /usr/bin/python3 /usr/local/bin/python \
    && ln -sf /usr/bin/pip3 /usr/local/bin/pip \
    && rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED
ENV LANG=C.UTF-8 \
    SSL_CERT_FILE=/usr/local/share/machine-ca.crt \
    PIP_CERT=/usr/local/share/machine-ca.crt \
    REQUESTS_CA_BUNDLE=/usr/local/share/machine-ca.crt \
    UV_NATIVE_TLS=1
CMD ["python3"]
DOCKERFILE
  podman build --network host --tag "${BASE_IMAGE}" "${work}/ctx" >/dev/null
  # A Lambda base stand-in: the task root and the handler module importable from it.
  cat >"${work}/ctx/Dockerfile" <<DOCKERFILE
FROM ${BASE_IMAGE}
ENV LAMBDA_TASK_ROOT=/var/task
RUN mkdir -p /var/task
WORKDIR /var/task
DOCKERFILE
  podman build --network host --tag "${LAMBDA_IMAGE}" "${work}/ctx" >/dev/null
  log "built ${BASE_IMAGE} in $(( $(date +%s) - started )) s"
fi

# ---- 5. the FROM names -----------------------------------------------------------------------
for name in "$@"; do
  case "${name}" in
    *lambda/python*) podman tag "${LAMBDA_IMAGE}" "${name}" ;;
    *) podman tag "${BASE_IMAGE}" "${name}" ;;
  esac
done
log "ready: shim ${shim}; ${BASE_IMAGE} tagged as ${*:-(no names)}"
