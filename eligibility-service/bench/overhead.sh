#!/usr/bin/env bash
# Measures the real-time eligibility check's own overhead: the time a check spends outside the payer call.
#
# Needs a running eligibility-service and sandbox payer: `./claimflow start --no-demo` from the repository root
# (eligibility on 8083, sandbox payer on 8089). Then:
#   eligibility-service/bench/overhead.sh [N] [base-url]        # N real-time checks, default 500, base http://127.0.0.1:8083
#
# Every check answers with `Server-Timing: payer;dur=…, total;dur=…, overhead;dur=…` (ms, measured in the service:
# total = the whole check from the service's point of view, payer = the payer gateway call with its retries).
# The script prints p50/p95/p99/max of
#   server overhead = total − payer     (the service's own work: idempotency, 270 writing, 271 reading, database)
#   client overhead = round trip − payer  (adds HTTP, JSON and the loopback network, as a caller sees it)
# The target: server overhead p99 < 20 ms. The same figures are in /q/metrics as the histograms
# claimflow_eligibility_check_overhead_seconds, claimflow_eligibility_payer_call_seconds and
# claimflow_eligibility_check_seconds (use histogram_quantile over their _bucket series).
# The first WARMUP checks (default 50) warm the JVM and are not counted. Needs curl and awk.
set -euo pipefail

N="${1:-500}"
BASE="${2:-http://127.0.0.1:8083}"
WARMUP="${WARMUP:-50}"
BODY='{"practiceId":"bench-practice","payerId":"SANDBOX-PPO","memberId":"M123456789",
"subscriber":{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"1980-02-14","sex":"F"},
"dateOfService":"2026-10-14","serviceTypeCodes":["30"],"providerNpi":"1234567893","requestedBy":"bench"}'

curl -fsS "$BASE/q/health/ready" > /dev/null || { echo "eligibility-service is not ready at $BASE (run ./claimflow start --no-demo)" >&2; exit 1; }

samples="$(mktemp)"
trap 'rm -f "$samples"' EXIT

check() {
  # Prints: round-trip-ms payer-ms total-ms status
  curl -sS -o /dev/null -D - -w 'rtt:%{time_total} code:%{http_code}\n' \
       -H 'Content-Type: application/json' --data "$BODY" "$BASE/api/v1/eligibility/checks" |
    awk 'tolower($1) == "server-timing:" {
           for (i = 2; i <= NF; i++) {
             split($i, kv, "dur="); gsub(/[;,]/, "", kv[1]); gsub(/[^0-9.]/, "", kv[2]);
             if (kv[1] ~ /^payer/) payer = kv[2]; if (kv[1] ~ /^total/) total = kv[2];
           }
         }
         /^rtt:/ { split($1, r, ":"); split($2, c, ":"); rtt = r[2] * 1000; code = c[2] }
         END { printf "%.3f %s %s %s\n", rtt, payer, total, code }'
}

for ((i = 0; i < WARMUP; i++)); do check > /dev/null; done
for ((i = 0; i < N; i++)); do check >> "$samples"; done

errors=$(awk '$4 != 201 || $2 == "" { n++ } END { print n + 0 }' "$samples")
report() { # $1 = label, $2 = awk expression over rtt ($1), payer ($2), total ($3)
  awk '$4 == 201 && $2 != "" { print '"$2"' }' "$samples" | sort -g | awk -v label="$1" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { print label ": no samples"; exit }
      p = "p50 p95 p99"; split(p, names, " "); split("0.50 0.95 0.99", q, " ")
      printf "%-36s", label
      for (k = 1; k <= 3; k++) { idx = int(q[k] * NR + 0.999999); if (idx < 1) idx = 1; printf "  %s %8.3f ms", names[k], v[idx] }
      printf "  max %8.3f ms  (n=%d)\n", v[NR], NR
    }'
}
echo "$N real-time checks against $BASE ($WARMUP warm-up checks not counted; $errors without a 201 and Server-Timing)"
report "server overhead (total - payer)" '$3 - $2'
report "client overhead (round trip - payer)" '$1 - $2'
report "payer call" '$2'
report "whole check (server)" '$3'
