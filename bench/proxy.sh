#!/usr/bin/env bash
# bench/proxy.sh — HTTP_PROXY throughput and latency of Archway against
# the usual reverse proxies, all in one run, reported as ratios:
#
#   direct        wrk -> Go backend (bench/helloworld)
#   forward       a Go relay that copies request and response bytes
#                 without any HTTP processing, a goroutine per connection
#                 (bench/proxyharness -mode forward): the latency it adds
#                 is the floor for a Go proxy on the machine, two more hops
#                 between processes and the Go scheduler's wake-ups
#   epoll         the same relay on one thread waiting in epoll with raw
#                 system calls (-mode epoll): the floor under any proxy,
#                 the two hops alone
#   reverseproxy  bare net/http/httputil.ReverseProxy with a buffer pool
#   nginx         Debian's nginx, upstream keep-alive
#   caddy         Debian's caddy, reverse_proxy
#   archway       an HTTP_PROXY route /{proxy+} to the backend
#                 (bench/proxyharness -mode archway: the pipeline and the
#                 HTTP integration served as `archway serve` serves them)
#
# Throughput with CONNS connections (default 32); p50 latency with 2
# connections, and the latency each proxy adds to the direct p50; the CPU
# time the proxy's own processes spend per request (user + system, from
# /proc), which other load on the machine disturbs far less than the
# rates. The proxies are measured in turn, ROUNDS times (default 5, each
# round in another order), and every figure is the median of its rounds,
# so that a burst of other load on the machine moves one round, not the
# result. Needs wrk, nginx and caddy (apt-get install wrk nginx caddy).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-3s}
CONNS=${CONNS:-32}
ROUNDS=${ROUNDS:-5}
for tool in wrk nginx caddy; do
  command -v "$tool" >/dev/null || { echo "bench/proxy.sh: $tool is not installed (apt-get install wrk nginx caddy)" >&2; exit 1; }
done
TMP=$(mktemp -d)
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT

BACKEND=127.0.0.1:18080
go build -o "$TMP/helloworld" ./bench/helloworld
go build -o "$TMP/proxyharness" ./bench/proxyharness
"$TMP/helloworld" -listen "$BACKEND" & pids+=($!)
"$TMP/proxyharness" -mode reverseproxy -listen 127.0.0.1:18091 -backend "http://$BACKEND" & pids+=($!)
"$TMP/proxyharness" -mode forward -listen 127.0.0.1:18095 -backend "http://$BACKEND" & pids+=($!)
"$TMP/proxyharness" -mode epoll -listen 127.0.0.1:18096 -backend "http://$BACKEND" & pids+=($!)
"$TMP/proxyharness" -mode archway -listen 127.0.0.1:18094 -backend "http://$BACKEND" & pids+=($!)

mkdir -p "$TMP/nginx"
cat > "$TMP/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  upstream backend { server $BACKEND; keepalive 64; }
  server {
    listen 127.0.0.1:18092;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -p "$TMP/nginx" -c "$TMP/nginx.conf" & pids+=($!)

cat > "$TMP/Caddyfile" <<CADDY
{
  admin off
  auto_https off
}
http://127.0.0.1:18093 {
  reverse_proxy $BACKEND
}
CADDY
caddy run --config "$TMP/Caddyfile" --adapter caddyfile > "$TMP/caddy.log" 2>&1 & pids+=($!)

declare -A URL=(
  [direct]=http://$BACKEND/pets/1
  [forward]=http://127.0.0.1:18095/pets/1
  [epoll]=http://127.0.0.1:18096/pets/1
  [reverseproxy]=http://127.0.0.1:18091/pets/1
  [nginx]=http://127.0.0.1:18092/pets/1
  [caddy]=http://127.0.0.1:18093/pets/1
  [archway]=http://127.0.0.1:18094/dev/pets/1
)
NAMES=(direct epoll forward reverseproxy nginx caddy archway)
for n in "${NAMES[@]}"; do
  for _ in $(seq 100); do curl -sf -o /dev/null "${URL[$n]}" && break; sleep 0.1; done
  curl -sf -o /dev/null "${URL[$n]}" || { echo "bench/proxy.sh: $n does not answer ${URL[$n]}" >&2; cat "$TMP/caddy.log" >&2; exit 1; }
done
# The processes whose CPU time each proxy costs (nginx: the master and
# its worker).
declare -A PROCS=(
  [direct]=""
  [reverseproxy]=${pids[1]}
  [forward]=${pids[2]}
  [epoll]=${pids[3]}
  [archway]=${pids[4]}
  [nginx]="${pids[5]} $(pgrep -P "${pids[5]}" | tr '\n' ' ')"
  [caddy]=${pids[6]}
)

# cputicks PID... — user + system clock ticks of the processes so far.
cputicks() {
  local t=0 p
  for p in "$@"; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done
  echo "$t"
}
# p50 in microseconds from wrk --latency ("50%  123.00us" / "1.20ms").
p50() {
  wrk -t1 -c2 -d"$DURATION" --latency "$1" | awk '$1 == "50%" {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "ms") v *= 1000; else if (u == "s") v *= 1000000
    printf "%d", v }'
}
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
# One line per proxy and round: name req/s cpu-us-per-request p50.
for r in $(seq "$ROUNDS"); do
  k=$(( r % ${#NAMES[@]} ))
  order=("${NAMES[@]:k}" "${NAMES[@]:0:k}")
  for n in "${order[@]}"; do
    # shellcheck disable=SC2086 # PROCS holds PID lists
    t0=$(cputicks ${PROCS[$n]})
    out=$(wrk -t2 -c"$CONNS" -d"$DURATION" "${URL[$n]}")
    # shellcheck disable=SC2086
    t1=$(cputicks ${PROCS[$n]})
    reqs=$(awk '/requests in/ {print $1}' <<<"$out")
    rate=$(awk '/Requests\/sec/ {print int($2)}' <<<"$out")
    echo "$n $rate $(( (t1 - t0) * TICK_US / reqs )) $(p50 "${URL[$n]}")" >> "$TMP/results"
  done
done

python3 - "$TMP/results" "$ROUNDS" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rate, cpu, p50 = line.split()
    rows.setdefault(name, []).append((int(rate), int(cpu), int(p50)))
med = lambda name, i: statistics.median(r[i] for r in rows[name])
names = ["direct", "epoll", "forward", "reverseproxy", "nginx", "caddy", "archway"]
print(f"{sys.argv[2]} rounds, medians")
print(f"{'proxy':<14} {'req/s':>8} {'x direct':>8} {'cpu us/req':>10} {'p50 (us)':>9} {'added p50':>9}")
for n in names:
    cpu = "-" if n == "direct" else f"{med(n, 1):.0f}"
    print(f"{n:<14} {med(n, 0):>8.0f} {med(n, 0) / med('direct', 0):>8.2f} {cpu:>10} {med(n, 2):>9.0f} {med(n, 2) - med('direct', 2):>9.0f}")
print()
def ratio(other, goal):
    per_round = " ".join(f"{a[0] / b[0]:.2f}" for a, b in zip(rows["archway"], rows[other]))
    print(f"archway / {other + ':':<14} {med('archway', 0) / med(other, 0):.2f}x{goal}   (rounds: {per_round})")
ratio("caddy", "   (goal >= 1.5)")
ratio("nginx", "   (goal >= 0.55)")
ratio("reverseproxy", "")
print(f"archway added p50:      {med('archway', 2) - med('direct', 2):.0f} us   (goal <= 100 us at 2 connections)")
added = lambda name: f"{med(name, 2) - med('direct', 2):.0f} us"
print(f"  the same run: epoll relay (the floor) {added('epoll')}, Go relay {added('forward')}, nginx {added('nginx')}")
PY
