#!/usr/bin/env bash
# bench/proxy.sh — HTTP_PROXY throughput and latency of Archway against
# the usual reverse proxies, all in one run, reported as ratios:
#
#   direct        wrk -> Go backend (bench/helloworld)
#   reverseproxy  bare net/http/httputil.ReverseProxy with a buffer pool
#   nginx         Debian's nginx, upstream keep-alive
#   caddy         Debian's caddy, reverse_proxy
#   archway       an HTTP_PROXY route /{proxy+} to the backend
#                 (bench/proxyharness -mode archway: the pipeline and the
#                 HTTP integration in a plain net/http server)
#
# Throughput with CONNS connections (default 32); p50 latency with 2
# connections, and the latency each proxy adds to the direct p50.
# Needs wrk, nginx and caddy (apt-get install wrk nginx caddy).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
CONNS=${CONNS:-32}
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
  [reverseproxy]=http://127.0.0.1:18091/pets/1
  [nginx]=http://127.0.0.1:18092/pets/1
  [caddy]=http://127.0.0.1:18093/pets/1
  [archway]=http://127.0.0.1:18094/dev/pets/1
)
NAMES=(direct reverseproxy nginx caddy archway)
for n in "${NAMES[@]}"; do
  for _ in $(seq 100); do curl -sf -o /dev/null "${URL[$n]}" && break; sleep 0.1; done
  curl -sf -o /dev/null "${URL[$n]}" || { echo "bench/proxy.sh: $n does not answer ${URL[$n]}" >&2; cat "$TMP/caddy.log" >&2; exit 1; }
done

rps() { wrk -t2 -c"$CONNS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print int($2)}'; }
# p50 in microseconds from wrk --latency ("50%  123.00us" / "1.20ms").
p50() {
  wrk -t1 -c2 -d"$DURATION" --latency "$1" | awk '$1 == "50%" {
    v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v)
    if (u == "ms") v *= 1000; else if (u == "s") v *= 1000000
    printf "%d", v }'
}
declare -A RPS P50
for n in "${NAMES[@]}"; do RPS[$n]=$(rps "${URL[$n]}"); done
for n in "${NAMES[@]}"; do P50[$n]=$(p50 "${URL[$n]}"); done

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
printf '%-14s %10s %8s %10s %10s\n' proxy "req/s" "x direct" "p50 (us)" "added p50"
for n in "${NAMES[@]}"; do
  printf '%-14s %10s %8s %10s %10s\n' "$n" "${RPS[$n]}" "$(ratio "${RPS[$n]}" "${RPS[direct]}")" \
    "${P50[$n]}" "$(( ${P50[$n]} - ${P50[direct]} ))"
done
echo
echo "archway / caddy:        $(ratio "${RPS[archway]}" "${RPS[caddy]}")x   (goal >= 1.5)"
echo "archway / nginx:        $(ratio "${RPS[archway]}" "${RPS[nginx]}")x   (goal >= 0.55)"
echo "archway / reverseproxy: $(ratio "${RPS[archway]}" "${RPS[reverseproxy]}")x"
echo "archway added p50:      $(( ${P50[archway]} - ${P50[direct]} )) us   (goal <= 100 us at 2 connections)"
