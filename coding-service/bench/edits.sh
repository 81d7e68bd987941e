#!/usr/bin/env bash
# Edit-check benchmark: sends N dry-run requests (POST /api/v1/coding/edits) of realistic 10-line encounters to a
# running coding-service and prints p50/p95/p99/max of the service's own edit time (Server-Timing: edits;dur=…)
# and of the client round trip. Usage: bench/edits.sh N   (env: BASE_URL, WARMUP, SEED, TOKEN; see edits.mjs)
# TOKEN: a bearer token the service accepts; by default a coder of bench-practice (the encounters' practice) of the running local stack (./claimflow token).
set -euo pipefail
if ! command -v node >/dev/null 2>&1; then
  echo "edits.sh needs Node.js 18 or newer (for fetch)" >&2
  exit 2
fi
if [ -z "${TOKEN:-}" ]; then
  TOKEN=$("$(dirname "$0")/../../claimflow" token --practice bench-practice --user bench --roles coder --minutes 120)
  export TOKEN
fi
exec node "$(dirname "$0")/edits.mjs" "$@"
