#!/bin/sh
# One incremental sync, for cron or a systemd timer (README, "Running it on a schedule").
# Keeps, beside this script: config.json, catalog.json, state.json (created on the first run) and runs/.
# Each run's output goes to runs/<time>.jsonl; the last STATE of every stream becomes the next state.json,
# and a refresh token that Peloton rotated during the run is written back into config.json.
set -eu
umask 077
cd "$(dirname "$0")"
mkdir -p runs
[ -f state.json ] || echo '[]' > state.json
out="runs/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
status=0
source-peloton read --config config.json --catalog catalog.json --state state.json > "$out" || status=$?
# A failed run still saved what it read: keep every stream's newest state, old or new.
jq -s --slurpfile old state.json '$old[0] + map(select(.type == "STATE") | .state) | reduce .[] as $s ({}; .[$s.stream.stream_descriptor.name] = $s) | [.[]]' "$out" > state.json.next
mv state.json.next state.json
jq -s 'map(select(.type == "CONTROL") | .control.connectorConfig.config) | last // empty' "$out" > config.json.next
if [ -s config.json.next ]; then mv config.json.next config.json; else rm -f config.json.next; fi
exit "$status"
