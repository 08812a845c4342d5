#!/usr/bin/env bash
# Runs every test of Glance Portal: domain, API and component tests, then end-to-end tests in a real
# Chromium. Installs what the tests need when it is missing (Debian's chromium for Playwright).
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
status=0

# Debian packages the tests drive: Chromium for Playwright, the OpenStack clients for the CLI tests.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v glance >/dev/null 2>&1 || missing+=(python3-glanceclient)
command -v openstack >/dev/null 2>&1 || missing+=(python3-openstackclient)
command -v keystone-manage >/dev/null 2>&1 || missing+=(keystone)
command -v uwsgi >/dev/null 2>&1 || missing+=(uwsgi-core)
[ -e /usr/lib/uwsgi/plugins/python3_plugin.so ] || missing+=(uwsgi-plugin-python3)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
# PostgreSQL (with pg_trgm) for the second run of the domain and API tests, on the PostgreSQL adapter.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
# Tempest's image API tests, and subunit2csv to read its results.
command -v tempest >/dev/null 2>&1 || missing+=(tempest)
command -v subunit2csv >/dev/null 2>&1 || missing+=(python3-subunit)
# The object stores' servers, without recommends (no dashboards, no extra daemons): a one-node Ceph with
# its S3 gateway for the S3 store's tests, a Swift all-in-one with memcached for the Swift store's.
servers=()
command -v radosgw >/dev/null 2>&1 || servers+=(ceph-mon ceph-osd ceph-mgr radosgw ceph-common)
command -v swift-proxy-server >/dev/null 2>&1 || servers+=(swift swift-proxy swift-object swift-container swift-account memcached)
if [ ${#servers[@]} -gt 0 ]; then
  echo "Installing ${servers[*]}..."
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${servers[@]}" >/dev/null; } || { echo "could not install ${servers[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; } || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# npm's oidc-provider, the external provider of the end-to-end sign-in test, and axe-core, which the
# end-to-end tests run in every page (versions in their lock files).
for npm_dir in tests/oidc-provider tests/axe; do
  [ -d "$npm_dir/node_modules" ] || npm ci --prefix "$npm_dir" --silent --no-audit --no-fund || status=1
done

results="$(pwd)/TestResults"
rm -rf "$results"
mkdir -p "$results"

# A real Keystone for the Keystone-token tests; they read where it is from GLANCE_TEST_KEYSTONE_*.
# Its logs stay in TestResults/keystone for a look after a failure.
keystone_dir="$results/keystone"
postgres_dir=$(mktemp -d /tmp/glance-postgres.XXXXXX)
ceph_dir=$(mktemp -d /tmp/glance-ceph.XXXXXX)
swift_dir=$(mktemp -d /tmp/glance-swift.XXXXXX)
chmod 755 "$postgres_dir"  # the cluster inside belongs to the postgres user
# The cluster's data goes with the run; its logs stay in TestResults/postgres.
trap 'tests/keystone.sh stop "$keystone_dir"; tests/postgres.sh stop "$postgres_dir/cluster";
      mkdir -p "$results/postgres"; cp "$postgres_dir"/cluster/*.log "$results/postgres/" 2>/dev/null; rm -rf "$postgres_dir";
      tests/ceph.sh stop "$ceph_dir"; mkdir -p "$results/ceph"; cp -r "$ceph_dir"/log/. "$results/ceph/" 2>/dev/null; rm -rf "$ceph_dir";
      tests/swift.sh stop "$swift_dir"; mkdir -p "$results/swift"; cp -r "$swift_dir"/log/. "$results/swift/" 2>/dev/null; rm -rf "$swift_dir"' EXIT
# start_server NAME SCRIPT DIR LOGS: starts a real server for the tests and exports the settings it
# prints. One that does not start leaves its tests skipped, and the run counts it as a failure, so
# that cannot pass unseen.
start_server() {
  local settings
  if settings=$("$2" start "$3"); then
    eval "$settings"
    return 0
  fi
  echo "$1 did not start (see $4): counted as a failure." >&2
  status=1
  return 1
}
start_server Keystone tests/keystone.sh "$keystone_dir" "$keystone_dir" || keystone_failed=1
# A private PostgreSQL cluster for the same tests on the PostgreSQL adapter (GLANCE_TEST_POSTGRES).
start_server PostgreSQL tests/postgres.sh "$postgres_dir/cluster" "$results/postgres" || postgres_failed=1
# Ceph's S3 gateway for the S3 store's tests (GLANCE_TEST_S3_*), in both runs below.
start_server Ceph tests/ceph.sh "$ceph_dir" "$results/ceph" || ceph_failed=1
# A Swift all-in-one for the Swift store's tests (GLANCE_TEST_SWIFT_*).
start_server Swift tests/swift.sh "$swift_dir" "$results/swift" || swift_failed=1

dotnet build Glance.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# The end-to-end tests write a screenshot of every main page, per persona and width, to TestResults/screenshots.
export GLANCE_TEST_RESULTS="$results"
for project in Glance.Portal.Tests Glance.E2E; do
  # A test that hangs is stopped (and named) after ten minutes rather than holding CI for ninety.
  dotnet test "$project" -c Release --no-build --blame-hang-timeout 10m --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=1
done
# The conformance run: every domain, API and component test again, on the production engines: PostgreSQL
# instead of SQLite and an S3 store on Ceph's gateway instead of the filesystem store.
if [ -z "${postgres_failed:-}" ] && [ -z "${ceph_failed:-}" ]; then
  GLANCE_TEST_DATABASE=postgres GLANCE_TEST_STORE=s3 dotnet test Glance.Portal.Tests -c Release --no-build --blame-hang-timeout 10m \
    --logger "trx;LogFileName=Glance.Portal.Tests.postgres-s3.trx" --results-directory "$results" || status=1
fi
# And once more on SQLite with a Swift store as the default store, so that each adapter has run them all.
if [ -z "${swift_failed:-}" ]; then
  GLANCE_TEST_STORE=swift dotnet test Glance.Portal.Tests -c Release --no-build --blame-hang-timeout 10m \
    --logger "trx;LogFileName=Glance.Portal.Tests.swift.trx" --results-directory "$results" || status=1
fi

# The real glance and openstack clients against the portal as `dotnet run` starts it (Development:
# the embedded identity provider is on), given extra settings as environment variables.
#   run_cli NAME [SETTING=VALUE...]   writes TestResults/NAME.txt, ending "cli: N passed, N failed"
run_cli() {
  local name=$1 port cli_data home portal
  shift
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cli_data=$(mktemp -d)
  home=$(mktemp -d)
  env ASPNETCORE_ENVIRONMENT=Development Glance__DataDirectory="$cli_data" Logging__LogLevel__Default=Warning "$@" \
    dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
    --contentRoot "$(pwd)/Glance.Portal" >"$results/$name-portal.log" 2>&1 &
  portal=$!
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done
  HOME="$home" tests/cli-clients.sh "http://127.0.0.1:$port" | tee "$results/$name.txt" || status=1
  kill "$portal" 2>/dev/null; wait "$portal" 2>/dev/null
  rm -rf "$cli_data" "$home"
}
# The embedded defaults: SQLite and the filesystem store.
run_cli cli
# The production engines: PostgreSQL and an S3 store (Ceph's gateway), the image data in the bucket.
if [ -z "${postgres_failed:-}" ] && [ -z "${ceph_failed:-}" ]; then
  run_cli cli-postgres-s3 Glance__Database__Provider=postgres ConnectionStrings__Glance="$GLANCE_TEST_POSTGRES;Database=glance_cli" \
    Glance__Stores__Backends__objects__Type=s3 Glance__Stores__Backends__objects__Endpoint="$GLANCE_TEST_S3_ENDPOINT" \
    Glance__Stores__Backends__objects__Bucket=glance-cli Glance__Stores__Backends__objects__CreateBucket=true \
    Glance__Stores__Backends__objects__AccessKey="$GLANCE_TEST_S3_ACCESS_KEY" Glance__Stores__Backends__objects__SecretKey="$GLANCE_TEST_S3_SECRET_KEY"
fi

# Tempest's image API tests through the same Keystone (tests/tempest-expected-failures.txt lists what
# cannot pass yet, with the reasons).
if [ -z "${keystone_failed:-}" ]; then
  tests/tempest.sh "$results/tempest" | tee "$results/tempest.txt" || status=1
fi

passed=0
failed=0
if tempest=$(grep -E '^tempest: [0-9]+ passed, [0-9]+ failed$' "$results/tempest.txt" 2>/dev/null); then
  passed=$(sed -E 's/tempest: ([0-9]+) passed.*/\1/' <<<"$tempest")
  failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$tempest")
elif [ -z "${keystone_failed:-}" ]; then
  failed=1
fi
for cli_run in "$results/cli.txt" "$results/cli-postgres-s3.txt"; do
  if cli=$(grep -E '^cli: [0-9]+ passed, [0-9]+ failed$' "$cli_run" 2>/dev/null); then
    passed=$((passed + $(sed -E 's/cli: ([0-9]+) passed.*/\1/' <<<"$cli")))
    failed=$((failed + $(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$cli")))
  elif [ "$cli_run" = "$results/cli.txt" ] || { [ -z "${postgres_failed:-}" ] && [ -z "${ceph_failed:-}" ]; }; then
    failed=$((failed + 1))
  fi
done
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
failed=$((failed + ${keystone_failed:-0} + ${postgres_failed:-0} + ${ceph_failed:-0} + ${swift_failed:-0}))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test run that crashed without reporting a failure still failed.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
