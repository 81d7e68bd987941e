#!/usr/bin/env bash
# Measures the real-time eligibility check's own overhead: the time a check spends outside the payer call, and
# where it goes.
#
# Needs a running eligibility-service and sandbox payer: `./claimflow start --no-demo` from the repository root
# (eligibility on 8083, sandbox payer on 8089). Then:
#   eligibility-service/bench/overhead.sh [N] [base-url]        # N real-time checks, default 500, base http://127.0.0.1:8083
#   WARMUP=2000 eligibility-service/bench/overhead.sh 500       # more warm-up checks (default 1000)
#
# Every check answers with `Server-Timing` (ms, measured in the service): payer (the payer gateway call with its
# retries), total (the whole check), overhead (total − payer), each step of the overhead — db-key (Idempotency-Key
# claim; 0 here, the script sends none), db-ctl (the 270's control number), write270, parse271, build (check row and
# answer JSON), db-store (the check's transaction, commit included), db (all database steps), other (what no step
# covers) —, gc (the JVM's garbage collection during the check: inside the steps, not beside them) and request (from
# the REST layer receiving the request to its response filters: adds reading, parsing and validating the JSON body).
# The script prints p50/p95/p99/max of each, of
#   server overhead = total − payer       (the issue's target: p99 < 20 ms)
#   request − payer                        (the same with the REST layer)
#   client overhead = round trip − payer   (as a caller sees it: adds HTTP on the loopback)
# and, when jstat can see the service's JVM, the garbage collections during the measured checks.
#
# Warm-up: the first WARMUP checks (default 1000) are not counted; they let the JIT compile the hot path (50, the old
# default, left most of it interpreted). Their own overhead is printed on one line, so nothing is hidden.
# All checks go sequentially over one keep-alive connection (one curl process), like a front-desk client.
# Needs curl ≥ 7.84 and awk. Run it on an otherwise quiet machine: on a shared one, the tail is other processes'.
set -euo pipefail

N="${1:-500}"
BASE="${2:-http://127.0.0.1:8083}"
WARMUP="${WARMUP:-1000}"
# A front desk user of the bench practice, unless TOKEN names another caller (issue #8: every call needs a token).
TOKEN="${TOKEN:-$("$(dirname "$0")/../../claimflow" token --practice bench-practice --user bench --roles front-desk --minutes 120)}"
URL="$BASE/api/v1/eligibility/checks"
BODY='{"practiceId":"bench-practice","payerId":"SANDBOX-PPO","memberId":"M123456789",
"subscriber":{"firstName":"Ada","lastName":"Lovelace","dateOfBirth":"1980-02-14","sex":"F"},
"dateOfService":"2026-10-14","serviceTypeCodes":["30"],"providerNpi":"1234567893","requestedBy":"bench"}'

curl -fsS "$BASE/q/health/ready" > /dev/null || { echo "eligibility-service is not ready at $BASE (run ./claimflow start --no-demo)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# $1 = number of checks, $2 = samples file. One line per check: "code=201 rtt=<ms> payer=<ms> total=<ms> …".
checks() {
  local i
  if [ "$1" -eq 0 ]; then : > "$2"; return; fi
  for ((i = 0; i < $1; i++)); do printf 'url = "%s"\noutput = "/dev/null"\n' "$URL"; done > "$work/urls"
  curl -sS -K "$work/urls" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" --data "$BODY" \
       -w 'code=%{http_code} rtt=%{time_total} %header{server-timing}\n' |
    awk '{
           line = "code=" substr($1, 6) " rtt=" substr($2, 5) * 1000
           for (i = 3; i <= NF; i++) {
             split($i, kv, ";dur="); gsub(/,/, "", kv[2]); if (kv[2] != "") line = line " " kv[1] "=" kv[2]
           }
           print line
         }' > "$2"
}

# The service's JVM, when jstat can see it: young and full GC counts and seconds (YGC YGCT FGC FGCT).
pid="$(ss -ltnpH "sport = :${BASE##*:}" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
gc() { [ -n "$pid" ] && command -v jstat > /dev/null && jstat -gc "$pid" 2>/dev/null |
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i } NR == 2 { print $col["YGC"], $col["YGCT"], $col["FGC"], $col["FGCT"] }' || true; }

checks "$WARMUP" "$work/warmup"
gc_before="$(gc)"
checks "$N" "$work/samples"
gc_after="$(gc)"

# $1 = label, $2 = samples file, $3 = awk expression over the metrics m["payer"], m["total"], m["rtt"], …,
# $4 = optional awk condition: only the checks meeting it
report() {
  awk '
    { delete m
      for (i = 1; i <= NF; i++) { split($i, kv, "="); m[kv[1]] = kv[2] }
      if (m["code"] != 201 || m["total"] == "" || !('"${4:-1}"')) next
      print '"$3"' }' "$2" | sort -g | awk -v label="$1" '
    { v[NR] = $1 }
    END {
      if (NR == 0) { printf "%-34s  no samples\n", label; exit }
      split("p50 p95 p99", names, " "); split("0.50 0.95 0.99", q, " ")
      printf "%-34s", label
      for (k = 1; k <= 3; k++) { idx = int(q[k] * NR + 0.999999); if (idx < 1) idx = 1; printf "  %s %8.3f", names[k], v[idx] }
      printf "  max %8.3f ms  (n=%d)\n", v[NR], NR
    }'
}

errors=$(awk '$1 != "code=201" || $0 !~ / total=/ { n++ } END { print n + 0 }' "$work/samples")
echo "$N real-time checks against $BASE, sequential on one connection, after $WARMUP warm-up checks (not counted);"
echo "$errors without a 201 and Server-Timing. All figures in ms."
report "server overhead (total - payer)" "$work/samples" 'm["total"] - m["payer"]'
for step in db-key db-ctl write270 parse271 build db-store db other gc; do
  report "  $step" "$work/samples" 'm["'"$step"'"]'
done
report "server overhead, checks without GC" "$work/samples" 'm["total"] - m["payer"]' 'm["gc"] == 0'
report "request - payer (with REST layer)" "$work/samples" 'm["request"] - m["payer"]'
report "client overhead (round trip - payer)" "$work/samples" 'm["rtt"] - m["payer"]'
report "payer call" "$work/samples" 'm["payer"]'
report "whole check (server)" "$work/samples" 'm["total"]'
report "warm-up: server overhead" "$work/warmup" 'm["total"] - m["payer"]'
if [ -n "$gc_before" ] && [ -n "$gc_after" ]; then
  echo "$gc_before $gc_after" | awk -v pid="$pid" '{ printf "GC in the service (pid %s) during the measured checks: %d young (%.1f ms), %d full (%.1f ms)\n", pid, $5 - $1, ($6 - $2) * 1000, $7 - $3, ($8 - $4) * 1000 }'
else
  echo "GC: jstat cannot see the service's JVM (run as its user, or look at /q/metrics jvm_gc_pause_seconds)"
fi
