#!/usr/bin/env bash
# Fails while a tracked file holds a merge conflict marker (left by git or by
# `create-ml-prod update`), so a conflicted change never goes green. CI runs it on every
# branch; pre-commit's check-merge-conflict (--assume-in-merge) does the same before a commit.
set -euo pipefail

status=0
files="$(git grep -lIE '^(<<<<<<<|>>>>>>>|[|]{7})( |$)' -- .)" || status=$?
if [ "$status" -eq 1 ]; then
  echo "No conflict markers in tracked files."
  exit 0
fi
if [ "$status" -ne 0 ]; then
  echo "git grep failed (exit $status)" >&2
  exit "$status"
fi
echo "Conflict markers remain in these files: resolve them, then commit:" >&2
printf '  %s\n' "$files" >&2
exit 1
