#!/usr/bin/env bash
# Latency of the image list as a client sees it: the portal in Release on 127.0.0.1 over the catalog
# bench/Glance.ListBench seeds (SQLite, or PostgreSQL with GLANCE_LISTBENCH_POSTGRES set to a server's
# connection string), each API scenario requested N times in a row by curl over one kept-alive
# connection, as a member of one project (and the default list as an admin). Prints p50 and p95 in ms.
# Usage: bench/list-http.sh [images] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000000}
requests=${2:-200}
folder=/var/tmp/glance-listbench-$count
dotnet build bench/Glance.ListBench -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build Glance.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
# Seeds the catalog when missing (about 20 minutes for a million on SQLite, an hour on PostgreSQL).
GLANCE_LISTBENCH_DIR=$folder dotnet bench/Glance.ListBench/bin/Release/net10.0/Glance.ListBench.dll "$count" 1 >/dev/null

database=(Glance__Database__Provider=sqlite)
engine=SQLite
if [ -n "${GLANCE_LISTBENCH_POSTGRES:-}" ]; then
  database=(Glance__Database__Provider=postgres "ConnectionStrings__Glance=$GLANCE_LISTBENCH_POSTGRES;Database=glance_listbench_$count")
  engine=PostgreSQL
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
env "${database[@]}" Glance__DataDirectory="$folder" Glance__Api__TrustedHeaders=true ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$(pwd)/Glance.Portal" >/dev/null 2>&1 &
server=$!
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port/image/v2/images"
member=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: project-007' -H 'X-Roles: member,reader' -H 'Accept: application/json')
admin=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: project-000' -H 'X-Roles: admin,member,reader' -H 'Accept: application/json')

# The marker of page 500 of the member's default list, found by following the API's next links.
marker=$(python3 - "$base" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
url, last = base, None
for _ in range(499):
    request = urllib.request.Request(url, headers={"X-Identity-Status": "Confirmed", "X-Project-Id": "project-007", "X-Roles": "member,reader"})
    page = json.load(urllib.request.urlopen(request))
    if not page["images"]:
        break
    last = page["images"][-1]["id"]
    if "next" not in page:
        break
    url = base.rsplit("/v2/images", 1)[0] + page["next"]
print(last or "")
PY
)
middle=$(python3 -c "import datetime; print((datetime.datetime(2020, 1, 1) + datetime.timedelta(minutes=$count // 2)).strftime('%Y-%m-%dT%H:%M:%SZ'))")

# time NAME QUERY [ADMIN]: the scenario's requests in one curl (one connection), 20 warm-up requests first.
time_scenario() {
  local name=$1 query=$2 who=("${member[@]}")
  [ "${3:-}" = admin ] && who=("${admin[@]}")
  for round in warm timed; do
    local n=$requests
    [ "$round" = warm ] && n=20
    : >"$work/urls"
    for _ in $(seq 1 "$n"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$base$query" >>"$work/urls"; done
    curl -s "${who[@]}" -w '%{http_code} %{time_total}\n' -K "$work/urls" >"$work/$round"
  done
  if grep -qv '^200 ' "$work/timed"; then echo "$name: a request failed ($(grep -v '^200 ' "$work/timed" | head -1))" >&2; exit 1; fi
  cut -d' ' -f2 "$work/timed" | sort -n | awk -v name="$name" '{ t[NR] = $1 * 1000 } END {
    p50 = t[int((NR * 50 + 99) / 100)]; p95 = t[int((NR * 95 + 99) / 100)]
    printf "%-52s %8.1f %8.1f\n", name, p50, p95 }'
}

echo "$engine, $count images, $requests requests per scenario over HTTP (curl, one connection)"
printf '%-52s %8s %8s\n' scenario "p50 ms" "p95 ms"
time_scenario "default list for a member" ""
time_scenario "default list for an admin" "" admin
time_scenario "visibility=public" "?visibility=public"
time_scenario "custom property os_distro=fedora" "?os_distro=fedora"
time_scenario "size_min=1 GiB & size_max=2 GiB" "?size_min=$((1 << 30))&size_max=$((2 << 30))"
time_scenario "created_at=gt:(middle) & sort=created_at:desc" "?created_at=gt:$middle&sort=created_at:desc"
time_scenario "tag=tag-7" "?tag=tag-7"
[ -n "$marker" ] && time_scenario "page 500 of the default list, by marker" "?marker=$marker"
