#!/usr/bin/env bash
# bench/lambda.sh — Lambda proxy throughput and latency of Archway against
# serverless-offline, the same Node.js handler (bench/lambda/index.js) on
# the same route (GET /dev/hello/{name}), all in one run:
#
#   archway        archway serve --functions bench/lambda/functions.yaml
#                  bench/lambda/openapi.yaml (Archway's Node.js bootstrap,
#                  one warm process per concurrent invocation)
#   sls-worker     serverless@3 + serverless-offline@13, its default:
#                  handlers in worker threads
#   sls-inprocess  the same with --useInProcess
#   node-direct    bench/lambda/direct.js: a plain Node.js HTTP server
#                  calling the handler in its own process, the floor that
#                  Archway's added latency is measured against
#
# and the latency Archway adds to a Lambda proxy request served by a warm
# aws-lambda-go handler (examples/lambda/hello) over invoking that handler
# process directly through a minimal Runtime API (bench/lambdadirect).
#
# serverless and serverless-offline are installed with npm into a
# temporary directory (no global install); set SLS_DIR to a directory to
# keep and reuse that install across runs. Throughput with CONNS
# connections (default 8), p50 latency with 1 and 2 connections, and the
# time of the first (cold) request after the port opens. The servers are
# measured in turn, ROUNDS times (default 3) for DURATION each (default
# 5s), and each figure is the best of its rounds: load from elsewhere on
# the machine only ever slows a server down, and serverless-offline's
# worker mode slows down by itself as it serves (its memory grows), so
# its best round is its first.
# Needs go, node, npm, curl and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
CONNS=${CONNS:-8}
SERVERLESS_VERSION=${SERVERLESS_VERSION:-3}
OFFLINE_VERSION=${OFFLINE_VERSION:-13}
die() { echo "bench/lambda.sh: $*" >&2; exit 1; }
for tool in go node npm curl wrk python3; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done

TMP=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 0.5
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# serverless-offline reads the stage-less, credential-less service
# without asking anything: no telemetry, notifications or setup prompts.
export SLS_TELEMETRY_DISABLED=1 SLS_TRACKING_DISABLED=1 SLS_NOTIFICATIONS_MODE=off \
  SLS_DEPRECATION_DISABLE='*' SLS_INTERACTIVE_SETUP_DISABLE=1 \
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1

SLS=${SLS_DIR:-$TMP/sls}
mkdir -p "$SLS"
if [[ ! -x $SLS/node_modules/.bin/serverless || ! -d $SLS/node_modules/serverless-offline ]]; then
  echo "installing serverless@$SERVERLESS_VERSION serverless-offline@$OFFLINE_VERSION into $SLS ..." >&2
  [[ -f $SLS/package.json ]] || echo '{"private": true}' > "$SLS/package.json"
  (cd "$SLS" && timeout 600 npm install --no-audit --no-fund --loglevel=error \
    "serverless@$SERVERLESS_VERSION" "serverless-offline@$OFFLINE_VERSION") > "$TMP/npm.log" 2>&1 ||
    { cat "$TMP/npm.log" >&2; die "npm install of serverless / serverless-offline failed"; }
fi
cp bench/lambda/index.js bench/lambda/serverless.yml "$SLS/"
version() { node -p "require('$SLS/node_modules/$1/package.json').version"; }
echo "serverless $(version serverless), serverless-offline $(version serverless-offline), node $(node --version)" >&2

go build -o "$TMP/archway" ./cmd/archway
go build -o "$TMP/hello" ./examples/lambda/hello
go build -o "$TMP/lambdadirect" ./bench/lambdadirect

# waitport HOST:PORT NAME LOG: wait up to 60 s for a listener, failing
# with the server's log when it does not come up or exits.
waitport() {
  local host=${1%:*} port=${1##*:} pid=$4
  for _ in $(seq 600); do
    (: <"/dev/tcp/$host/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$3" >&2; die "$2 exited before listening on $1"; }
    sleep 0.1
  done
  cat "$3" >&2
  die "$2 is not listening on $1 after 60 s"
}

declare -A URL LOG
NAMES=(archway sls-worker sls-inprocess node-direct)
URL[archway]=http://127.0.0.1:18310/dev/hello/Ada
URL[sls-worker]=http://127.0.0.1:18320/dev/hello/Ada
URL[sls-inprocess]=http://127.0.0.1:18330/dev/hello/Ada
URL[node-direct]=http://127.0.0.1:18340/dev/hello/Ada

LOG[archway]=$TMP/archway.log
"$TMP/archway" serve --listen 127.0.0.1:18310 --functions "$PWD/bench/lambda/functions.yaml" \
  bench/lambda/openapi.yaml > "${LOG[archway]}" 2>&1 & pids+=($!)
waitport 127.0.0.1:18310 archway "${LOG[archway]}" "$!"

# The Go handler, served by Archway on its own port.
cat > "$TMP/go-functions.yaml" <<YAML
functions:
  hello:
    command: [$TMP/hello]
    dir: $TMP
    runtime: provided.al2023
YAML
GOURL=http://127.0.0.1:18350/dev/hello/Ada
"$TMP/archway" serve --listen 127.0.0.1:18350 --functions "$TMP/go-functions.yaml" \
  examples/lambda/openapi.yaml > "$TMP/archway-go.log" 2>&1 & pids+=($!)
waitport 127.0.0.1:18350 archway-go "$TMP/archway-go.log" "$!"
curl -sf -o /dev/null "$GOURL" || { cat "$TMP/archway-go.log" >&2; die "archway-go: no answer from $GOURL"; }

# startsls NAME HTTPPORT LAMBDAPORT [FLAG...]
startsls() {
  local name=$1 http=$2 lambda=$3; shift 3
  LOG[$name]=$TMP/$name.log
  (cd "$SLS" && exec ./node_modules/.bin/serverless offline start --host 127.0.0.1 \
    --httpPort "$http" --lambdaPort "$lambda" --noSponsor "$@") > "${LOG[$name]}" 2>&1 & pids+=($!)
  waitport "127.0.0.1:$http" "$name" "${LOG[$name]}" "$!"
}
startsls sls-worker 18320 18321
startsls sls-inprocess 18330 18331 --useInProcess

LOG[node-direct]=$TMP/node-direct.log
node bench/lambda/direct.js 18340 > "${LOG[node-direct]}" 2>&1 & pids+=($!)
waitport 127.0.0.1:18340 node-direct "${LOG[node-direct]}" "$!"

# The first request to each starts its handler: report its time, check
# the answer, then warm every server with all CONNS connections.
declare -A COLD RPS P50C1 P50C2
for n in "${NAMES[@]}"; do
  out=$(curl -s -m 30 -o "$TMP/body" -w '%{http_code} %{time_total}' "${URL[$n]}") ||
    { cat "${LOG[$n]}" >&2; die "$n: no answer from ${URL[$n]}"; }
  [[ ${out%% *} == 200 && $(cat "$TMP/body") == '{"hello":"Ada"}' ]] ||
    { cat "${LOG[$n]}" >&2; die "$n: ${URL[$n]} answered ${out%% *} $(cat "$TMP/body")"; }
  COLD[$n]=$(python3 -c "print(f'{${out#* } * 1000:.1f}')")
done
for n in "${NAMES[@]}"; do wrk -t2 -c"$CONNS" -d3s "${URL[$n]}" >/dev/null; done

# rps URL: requests per second with CONNS connections; non-2xx answers
# fail the run, socket errors (timeouts) are shown.
rps() {
  local out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" "$1")
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; die "error answers from $1"; fi
  if grep -q 'Socket errors' <<<"$out"; then echo "$out" >&2; echo "bench/lambda.sh: socket errors from $1 (above)" >&2; fi
  awk '/Requests\/sec/ {print int($2)}' <<<"$out"
}
# p50 CONNS URL: median latency in microseconds from wrk --latency
# ("50%  123.00us" / "1.20ms").
p50() {
  wrk -t1 -c"$1" -d"$DURATION" --latency "$2" | awk '$1 == "50%" {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "ms") v *= 1000; else if (u == "s") v *= 1000000
    printf "%d", v }'
}
# best max|min N...: the largest or smallest of the numbers.
best() {
  local how=$1; shift
  printf '%s\n' "$@" | sort -n | if [[ $how == max ]]; then tail -1; else head -1; fi
}
declare -A ALLRPS ALLC1 ALLC2
GOC1="" GOC2="" DIRC1="" DIRC2=""
wrk -t1 -c2 -d3s "$GOURL" >/dev/null
for _ in $(seq "$ROUNDS"); do
  for n in "${NAMES[@]}"; do
    ALLRPS[$n]+=" $(rps "${URL[$n]}")"
    ALLC1[$n]+=" $(p50 1 "${URL[$n]}")"
    ALLC2[$n]+=" $(p50 2 "${URL[$n]}")"
  done
  GOC1+=" $(p50 1 "$GOURL")" GOC2+=" $(p50 2 "$GOURL")"
  DIRC1+=" $("$TMP/lambdadirect" -handler "$TMP/hello" -c 1 -d "$DURATION")"
  DIRC2+=" $("$TMP/lambdadirect" -handler "$TMP/hello" -c 2 -d "$DURATION")"
done
for n in "${NAMES[@]}"; do
  # shellcheck disable=SC2086 # the rounds' figures, one word each
  RPS[$n]=$(best max ${ALLRPS[$n]}) P50C1[$n]=$(best min ${ALLC1[$n]}) P50C2[$n]=$(best min ${ALLC2[$n]})
done

ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }
echo
echo "best of $ROUNDS rounds of $DURATION (req/s of each round:$(for n in "${NAMES[@]}"; do printf ' %s [%s ]' "$n" "${ALLRPS[$n]}"; done))"
printf '%-14s %10s %12s %12s %14s\n' server "req/s (c$CONNS)" "p50 c1 (us)" "p50 c2 (us)" "first req (ms)"
for n in "${NAMES[@]}"; do
  printf '%-14s %10s %12s %12s %14s\n' "$n" "${RPS[$n]}" "${P50C1[$n]}" "${P50C2[$n]}" "${COLD[$n]}"
done
fastest=sls-worker
(( ${RPS[sls-inprocess]} > ${RPS[sls-worker]} )) && fastest=sls-inprocess
echo
echo "archway / sls-worker:    $(ratio "${RPS[archway]}" "${RPS[sls-worker]}")x throughput   (goal >= 10)"
echo "archway / sls-inprocess: $(ratio "${RPS[archway]}" "${RPS[sls-inprocess]}")x throughput"
echo "archway / fastest serverless-offline ($fastest): $(ratio "${RPS[archway]}" "${RPS[$fastest]}")x"
echo "archway p50 over node-direct: $(( ${P50C1[archway]} - ${P50C1[node-direct]} )) us (c1), $(( ${P50C2[archway]} - ${P50C2[node-direct]} )) us (c2)"
# shellcheck disable=SC2086 # the rounds' figures, one word each
gc1=$(best min $GOC1) gc2=$(best min $GOC2) dc1=$(best min $DIRC1) dc2=$(best min $DIRC2)
echo "Go handler (aws-lambda-go), p50 through archway: $gc1 us (c1), $gc2 us (c2); invoked directly: $dc1 us (c1), $dc2 us (c2)"
echo "  (rounds: archway c1 [$GOC1 ] c2 [$GOC2 ], direct c1 [$DIRC1 ] c2 [$DIRC2 ])"
echo "archway added p50 (Go handler): $(( gc1 - dc1 )) us (c1), $(( gc2 - dc2 )) us (c2)   (goal <= 300)"
echo "archway first request (Node.js handler): ${COLD[archway]} ms, node's own start included"
# The cold-start goal is the Go handler's (aws-lambda-go): process start to
# first response, from the runtime package's benchmark.
gocold=$(go test -run NONE -bench 'BenchmarkColdStart$' -benchtime 20x ./internal/integration/lambda/runtime |
  awk '$1 ~ /^BenchmarkColdStart/ {printf "%.1f", $3 / 1e6}')
echo "Go handler cold start (BenchmarkColdStart): $gocold ms   (goal <= 20)"
