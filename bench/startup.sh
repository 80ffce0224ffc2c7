#!/usr/bin/env bash
# Start-up on the embedded database as a new user meets it: `npm start` on a fresh DATA_DIR (initdb, migrations,
# seed), then a restart on the same DATA_DIR; seconds to a healthy /api/health and the server's resident memory
# after 30 s idle. With DATABASE_URL set, the same on PostgreSQL. Builds first so only the start is timed.
# Usage: npm run bench:startup   (results: bench/results/startup.md, written by hand from the output)
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/ensure-built.mjs >/dev/null
data_dir=$(mktemp -d)
trap 'rm -rf "$data_dir"' EXIT

run() {
  local label=$1 port=$((20000 + RANDOM % 20000)) start pid rss
  start=$(date +%s%N)
  DATA_DIR="$data_dir" PORT=$port LOG_LEVEL=warn setsid npm start >/dev/null 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$label: the server stopped"; exit 1; }
    sleep 0.1
  done
  local seconds=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 30
  rss=$(ps -o rss= -p "$(pgrep -g "$pid" -f scripts/start.mjs | tail -1)")
  printf '%-28s healthy after %5.1f s   idle RSS %4d MB\n' "$label" "$(echo "$seconds/1000" | bc -l)" $((rss / 1024))
  kill -TERM -- "-$pid"
  wait "$pid" || true
  while kill -0 -- "-$pid" 2>/dev/null; do sleep 0.2; done
}

if [ -n "${DATABASE_URL:-}" ]; then
  run "PostgreSQL, start"
  run "PostgreSQL, restart"
else
  run "embedded, first start"
  run "embedded, restart"
fi
