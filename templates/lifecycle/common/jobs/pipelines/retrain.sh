#!/usr/bin/env bash
# Retraining pipeline: ingest -> drift -> retrain -> promote, stopping at the first refusal.
# Usage: jobs/pipelines/retrain.sh [options for every step, e.g. --env staging]
# Env:   FORCE_RETRAIN=1 retrains even without drift, decay or a new drop; PYTHON
# Cron, every day at 02:00 (the service follows the new champion within service.reload.poll_s):
#   0 2 * * * cd /srv/project && bash jobs/pipelines/retrain.sh >> retrain.log 2>&1
set -euo pipefail

JOB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../common.sh
source "${JOB_DIR}/../common.sh"

if [[ "${1:-}" == "-h" || "${1:-}" == "--help" ]]; then
  sed -n '2,6p' "${BASH_SOURCE[0]}"
  exit 0
fi

settings=(--config "${BASE_CONFIG}" --overlay "${JOB_DIR}/config.yaml")

# step NAME COMMAND...: run one step; a refusal (exit code != 0) stops the pipeline.
step() {
  local name="$1"
  shift
  log "retraining step ${name}: start"
  if ! "$@"; then
    die "retraining stopped: step '${name}' refused or failed (later steps were not run)"
  fi
  log "retraining step ${name}: done"
}

log "retraining step ingest: start"
if ! ingested="$(bash "${JOBS_DIR}/processing/ingest.sh" --overlay "${JOB_DIR}/config.yaml" "$@")"; then
  die "retraining stopped: step 'ingest' refused or failed (later steps were not run)"
fi
printf '%s\n' "${ingested}"
if ! drift="$(run_app drift "${settings[@]}" "$@")"; then
  die "retraining stopped: step 'drift' failed (later steps were not run)"
fi
printf '%s\n' "${drift}"
if [[ -z "${FORCE_RETRAIN:-}" ]]; then
  if [[ "${drift}" != *'"retraining_recommended": true'* ]]; then
    log "retraining pipeline finished: no drift, no decay, nothing to retrain"
    exit 0
  fi
  # The champion has seen the newest drop already unless one was merged just now.
  if [[ "${ingested}" != *'"status": "merged"'* && "${drift}" != *'no champion yet'* ]]; then
    log "retraining pipeline finished: no new drop since the last run, nothing to retrain"
    exit 0
  fi
fi
step retrain run_app retrain "${settings[@]}" "$@"
step promote run_app promote "${settings[@]}" "$@"
log "retraining pipeline finished: ingest drift retrain promote"
