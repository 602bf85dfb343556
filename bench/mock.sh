#!/usr/bin/env bash
# bench/mock.sh — requests per second of a MOCK route served by
# `archway serve` (examples/petstore: GET /dev/pets/1, request template,
# MOCK integration, integration-response selection, response template)
# against a Go hello-world server, measured with wrk in the same run.
# Also prints the in-process pipeline benchmark (ns/op, allocs/op).
# Needs wrk (apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
command -v wrk >/dev/null || { echo "bench/mock.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
TMP=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

go build -o "$TMP/archway" ./cmd/archway
go build -o "$TMP/helloworld" ./bench/helloworld
"$TMP/helloworld" -listen 127.0.0.1:18080 & pids+=($!)
"$TMP/archway" serve --listen 127.0.0.1:18081 examples/petstore/openapi.yaml > "$TMP/serve.log" 2>&1 & pids+=($!)
for port in 18080 18081; do
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done
curl -sf http://127.0.0.1:18081/dev/pets/1 > /dev/null || { cat "$TMP/serve.log"; exit 1; }

rps() { wrk -t2 -c"$CONNS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print int($2)}'; }
hello=$(rps http://127.0.0.1:18080/)
archway=$(rps http://127.0.0.1:18081/dev/pets/1)
bench=$(go test -run=NONE -bench='MockRequest$' -benchtime=20000x ./internal/pipeline | grep '^Benchmark')

printf '%-40s %10s req/s  1.00x\n' "Go hello-world (net/http)" "$hello"
printf '%-40s %10s req/s  %sx\n' "archway serve, MOCK GET /dev/pets/1" "$archway" "$(python3 -c "print(round($archway/$hello, 2))")"
echo "in-process pipeline: $bench"
