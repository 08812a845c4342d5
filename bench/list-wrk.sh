#!/usr/bin/env bash
# Throughput of the default image list over HTTP: 10,000 images (seeded by Glance.ListBench),
# the portal in Release on 127.0.0.1, wrk with 32 connections for 10 s as a member of one project.
# Usage: bench/list-wrk.sh [images]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
folder=/var/tmp/glance-listbench-$count
dotnet build bench/Glance.ListBench -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build Glance.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
GLANCE_LISTBENCH_DIR=$folder dotnet bench/Glance.ListBench/bin/Release/net10.0/Glance.ListBench.dll "$count" 10

port=5182
Glance__DataDirectory="$folder" Glance__Api__TrustedHeaders=true ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$(pwd)/Glance.Portal" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done
headers=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: project-007' -H 'X-Roles: member,reader')
# Warm-up long enough for tiered compilation to settle (about 18,000 methods reach tier 1 in the
# first 15-20 s under this load), then the measured run.
wrk -t2 -c32 -d20s "${headers[@]}" "http://127.0.0.1:$port/image/v2/images" >/dev/null
wrk -t2 -c32 -d10s --latency "${headers[@]}" "http://127.0.0.1:$port/image/v2/images"
