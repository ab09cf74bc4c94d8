#!/usr/bin/env bash
# Processing job, lifecycle: merge new drops of data/updates into data/full_data.
# Usage: jobs/processing/ingest.sh [extra `run ingest` options]
# Env:   DROP_FILE (one drop; default: every drop not ingested yet), PYTHON and common.sh's
# A drop that breaks the schema is quarantined (data/quarantine/<drop>/report.md) and the job
# exits 1; ingesting the same drop again changes nothing.
set -euo pipefail

JOB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../common.sh
source "${JOB_DIR}/../common.sh"

args=(ingest --config "${BASE_CONFIG}" --overlay "${JOB_DIR}/config.yaml")
if [[ -n "${DROP_FILE:-}" ]]; then
  args+=(--drop "${DROP_FILE}")
fi
run_app "${args[@]}" "$@"
