#!/usr/bin/env bash
# Tempest's image API tests (Debian's tempest, tempest.api.image.v2) against the portal, through the
# Keystone that tests/keystone.sh started (GLANCE_TEST_KEYSTONE_* in the environment).
#   tests/tempest.sh DIR     works in DIR (logs, tempest.conf, results); prints each test's outcome
#                            and ends with "tempest: N passed, N failed"
# A failure of a test listed in tests/tempest-expected-failures.txt (features that do not exist yet)
# is not counted as failed; a listed test that passes is reported, so that the list can shrink.
set -uo pipefail
dir=${1:?usage: tempest.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
keystone=${GLANCE_TEST_KEYSTONE_URL:?needs a Keystone: tests/keystone.sh start}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
fail() { echo "tempest: $1" >&2; echo "tempest: 0 passed, 1 failed"; exit 1; }

# The image service in Keystone's catalog, where Tempest looks for it.
port=$(free_port)
image_url="http://127.0.0.1:$port/image"
token=$(curl -si -H 'Content-Type: application/json' -d '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"id": "default"}, "password": "admin-secret"}}}, "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}' \
  "$keystone/v3/auth/tokens" | awk -F': ' 'tolower($1) == "x-subject-token" { print $2 }' | tr -d '\r')
[ -n "$token" ] || fail "no admin token from $keystone"
api() { curl -sf -H "X-Auth-Token: $token" -H 'Content-Type: application/json' "$@"; }
service=$(api -X POST "$keystone/v3/services" -d '{"service": {"type": "image", "name": "glance"}}' |
  python3 -c "import json, sys; print(json.load(sys.stdin)['service']['id'])") || fail "could not register the image service"
for interface in public internal admin; do
  api -X POST "$keystone/v3/endpoints" -d "{\"endpoint\": {\"service_id\": \"$service\", \"interface\": \"$interface\", \"region_id\": \"RegionOne\", \"url\": \"$image_url\"}}" >/dev/null ||
    fail "could not register the $interface endpoint"
done

# The portal in Keystone mode, as a deployment runs it (no development provider, no demo data).
data=$(mktemp -d)
Glance__DataDirectory="$data" Glance__Api__Keystone__Url="$keystone" Glance__Api__Keystone__ServicePassword="$GLANCE_TEST_KEYSTONE_SERVICE_PASSWORD" \
  Logging__LogLevel__Default=Warning \
  dotnet "$root/Glance.Portal/bin/Release/net10.0/Glance.Portal.dll" --urls "http://127.0.0.1:$port" --contentRoot "$root/Glance.Portal" \
  >"$dir/portal.log" 2>&1 &
portal=$!
# Tempest's web-download source: a small file on loopback (its default is an Internet URL).
web_port=$(free_port)
mkdir -p "$dir/web" && head -c 1024 /dev/urandom >"$dir/web/tempest.img"
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$dir/web" >"$dir/web.log" 2>&1 &
web=$!
trap 'kill $portal $web 2>/dev/null; wait $portal $web 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null || fail "the portal did not start (see $dir/portal.log)"

# Its own workspace register, so that a run leaves nothing in ~/.tempest; from DIR, where tempest
# writes its tempest.log.
cd "$dir"
rm -rf "$dir/workspace" "$dir/workspaces.yaml"
tempest init --workspace-path "$dir/workspaces.yaml" "$dir/workspace" >"$dir/init.log" 2>&1 || fail "tempest init failed (see $dir/init.log)"
cat >"$dir/workspace/etc/tempest.conf" <<CONF
[DEFAULT]
log_dir = $dir/workspace/logs
log_file = tempest.log
[auth]
use_dynamic_credentials = true
create_isolated_networks = false
admin_username = admin
admin_password = admin-secret
admin_project_name = admin
admin_domain_name = Default
default_credentials_domain_name = Default
[identity]
uri_v3 = $keystone/v3
auth_version = v3
region = RegionOne
[identity-feature-enabled]
api_v2 = false
[service_available]
glance = true
nova = false
neutron = false
cinder = false
swift = false
horizon = false
[image]
http_image = http://127.0.0.1:$web_port/tempest.img
build_timeout = 60
build_interval = 1
[image-feature-enabled]
api_v2 = true
api_v1 = false
import_image = true
os_glance_reserved = true
manage_locations = false
CONF

cd "$dir/workspace"
tempest run --regex '^tempest\.api\.image\.v2' --concurrency 2 >"$dir/run.log" 2>&1
run_status=$?
stestr last --subunit 2>/dev/null | subunit2csv --no-passthrough >"$dir/results.csv" 2>/dev/null
[ -s "$dir/results.csv" ] || fail "tempest reported no results (see $dir/run.log)"

python3 - "$dir/results.csv" "$here/tempest-expected-failures.txt" "$run_status" <<'PY'
import csv, re, sys

results, expected_file, run_status = sys.argv[1], sys.argv[2], int(sys.argv[3])
expected = {}
for line in open(expected_file):
    line = line.strip()
    if line and not line.startswith("#"):
        test, _, reason = line.partition(" ")
        expected[test] = reason.strip()

def name(test_id):
    test_id = re.sub(r"\[.*\]$", "", test_id)  # drop Tempest's [id-…,tags] suffix
    fixture = re.fullmatch(r"(setUpClass|tearDownClass) \((.+)\)", test_id)
    return fixture.group(2) if fixture else test_id  # a class whose set-up failed reports as the class

def listed(test):
    """A test is listed by its own name or by its class's."""
    return next((expected[e] for e in expected if test == e or test.startswith(e + ".")), None)

passed = failed = expected_failed = skipped = 0
seen = set()
for row in csv.DictReader(open(results)):
    test, status = name(row["test"]), row["status"]
    if not test.startswith("tempest."):
        # A worker that died (process-returncode) or a module that did not import: a lost test.
        if status not in ("success", "skip"):
            failed += 1
            print(f"  FAIL {test}")
        continue
    reason = listed(test)
    seen.update(e for e in expected if test == e or test.startswith(e + ".") or e.startswith(test + "."))
    if status == "success":
        passed += 1
        if reason is not None:
            print(f"  listed, but passes (take it off tests/tempest-expected-failures.txt): {test}")
        else:
            print(f"  ok   {test}")
    elif status == "skip":
        skipped += 1
        print(f"  skip {test}")
    elif reason is not None:
        expected_failed += 1
        print(f"  expected failure {test}: {reason}")
    else:
        failed += 1
        print(f"  FAIL {test}")
for test in sorted(set(expected) - seen):
    print(f"  listed, but did not run: {test}")
if passed == 0:
    failed += 1
    print("  FAIL no Tempest test passed: the run did not reach the service")
if run_status != 0 and failed == 0 and expected_failed == 0:
    failed += 1
    print(f"  FAIL tempest run exited with {run_status} without a failed test to show for it")
print(f"tempest: {expected_failed} expected failures (listed), {skipped} skipped")
print(f"tempest: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
