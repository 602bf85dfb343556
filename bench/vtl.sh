#!/usr/bin/env bash
# bench/vtl.sh — one run, three measurements of the same AWS-docs-style
# template over the same 1 KB body (internal/vtl/apigw/testdata):
#   1. Archway's compiled render (go test -bench), per render;
#   2. the oracle's Apache Velocity 1.7 (shared/oracle), per JSON line;
#   3. `archway render --jsonl`, per JSON line (same protocol as 2).
# 2 and 3 parse the template on every line, as the oracle does; the
# per-line cost is (time for N lines - time for 1 line) / (N - 1), so JVM
# and process start-up are not counted. Prints ratios against the oracle.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-20000}
ORACLE=${ORACLE:-../shared/oracle/run.sh}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

python3 - "$N" "$TMP" <<'PY'
import json, sys
n, tmp = int(sys.argv[1]), sys.argv[2]
tpl = open('internal/vtl/apigw/testdata/bench_template.vm').read()
body = open('internal/vtl/apigw/testdata/bench_body.json').read()
line = json.dumps({"id": 1, "template": tpl, "body": body, "context": {"stage": "dev"}})
open(f'{tmp}/one.jsonl', 'w').write(line + '\n')
open(f'{tmp}/many.jsonl', 'w').write((line + '\n') * n)
PY

go build -o "$TMP/archway" ./cmd/archway

ns() { date +%s%N; }
per_line() { # command... ; reads $TMP/one.jsonl and $TMP/many.jsonl
  local t0 t1 t2 t3
  t0=$(ns); "$@" < "$TMP/one.jsonl" > /dev/null; t1=$(ns)
  t2=$(ns); "$@" < "$TMP/many.jsonl" > /dev/null; t3=$(ns)
  echo $(( ( (t3 - t2) - (t1 - t0) ) / (N - 1) ))
}

"$ORACLE" < "$TMP/one.jsonl" > /dev/null   # compile the oracle once
oracle_ns=$(per_line "$ORACLE")
archway_line_ns=$(per_line "$TMP/archway" render --jsonl)
bench=$(go test -run=NONE -bench='RenderTypical$' -benchtime=20000x ./internal/vtl/apigw | grep '^Benchmark')
render_ns=$(echo "$bench" | awk '{for(i=1;i<=NF;i++) if($(i+1)=="ns/op") print int($i)}')
allocs=$(echo "$bench" | awk '{for(i=1;i<=NF;i++) if($(i+1)=="allocs/op") print $i}')

echo "template: internal/vtl/apigw/testdata/bench_template.vm over a $(wc -c < internal/vtl/apigw/testdata/bench_body.json)-byte body, N=$N"
printf '%-44s %10s ns  %s\n' "oracle (Velocity 1.7), parse+render per line" "$oracle_ns" "1.00x"
printf '%-44s %10s ns  %sx faster\n' "archway render --jsonl, parse+render per line" "$archway_line_ns" "$(python3 -c "print(round($oracle_ns/$archway_line_ns, 2))")"
printf '%-44s %10s ns  %sx faster, %s allocs/op\n' "archway compiled render (go test -bench)" "$render_ns" "$(python3 -c "print(round($oracle_ns/$render_ns, 2))")" "$allocs"
