#!/usr/bin/env bash
# Throughput of the default image list over HTTP: the catalog Glance.ListBench seeds (10,000 images
# by default; SQLite, or PostgreSQL with GLANCE_LISTBENCH_POSTGRES set to a server's connection
# string), the portal in Release on 127.0.0.1, wrk for 10 s at 8 and then 32 connections as a member
# of one project, after a 20 s warm-up.
# Usage: bench/list-wrk.sh [images]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
folder=/var/tmp/glance-listbench-$count
dotnet build bench/Glance.ListBench -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build Glance.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
GLANCE_LISTBENCH_DIR=$folder dotnet bench/Glance.ListBench/bin/Release/net10.0/Glance.ListBench.dll "$count" 10

database=(Glance__Database__Provider=sqlite)
if [ -n "${GLANCE_LISTBENCH_POSTGRES:-}" ]; then
  database=(Glance__Database__Provider=postgres "ConnectionStrings__Glance=$GLANCE_LISTBENCH_POSTGRES;Database=glance_listbench_$count")
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
env "${database[@]}" Glance__DataDirectory="$folder" Glance__Api__TrustedHeaders=true ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$(pwd)/Glance.Portal" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done
headers=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: project-007' -H 'X-Roles: member,reader')
# Warm-up long enough for tiered compilation to settle (about 18,000 methods reach tier 1 in the
# first 15-20 s under this load), then the measured runs.
wrk -t2 -c32 -d20s "${headers[@]}" "http://127.0.0.1:$port/image/v2/images" >/dev/null
for connections in 8 32; do
  echo "== $connections connections"
  wrk -t2 -c"$connections" -d10s --latency "${headers[@]}" "http://127.0.0.1:$port/image/v2/images"
done
