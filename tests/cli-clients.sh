#!/usr/bin/env bash
# Drives the real OpenStack command-line clients (Debian's python3-glanceclient and
# python3-openstackclient) against a running portal, with a token from its embedded provider.
# Every step is an assertion. Usage: tests/cli-clients.sh http://127.0.0.1:PORT
# Prints "cli: N passed, N failed" last; exits non-zero when a step failed.
set -uo pipefail
base=${1:?usage: cli-clients.sh BASE_URL}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "  ok   $1"; }
fail() { failed=$((failed + 1)); echo "  FAIL $1"; [ -n "${2:-}" ] && sed 's/^/       /' <<<"$2" | head -20; }
# check NAME EXPECTED ACTUAL
check() { if [ "$2" == "$3" ]; then pass "$1"; else fail "$1" "expected: $2"$'\n'"actual:   $3"; fi; }
# run NAME COMMAND...: passes when the command succeeds
run() { local name=$1; shift; local out; if out=$("$@" 2>&1); then pass "$name"; else fail "$name" "$out"; fi; }
json() { /usr/bin/python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

token() {
  curl -sf -d grant_type=password -d client_id=glance-cli -d "username=$1" -d "password=$1" "$base/connect/token" | json "d['access_token']"
}

head -c 3145728 /dev/urandom > "$work/image.raw"
md5=$(md5sum "$work/image.raw" | cut -d' ' -f1)

echo "glance (python-glanceclient)"
TOKEN=$(token alice)
check "a token from the embedded provider" "yes" "$([ -n "$TOKEN" ] && echo yes || echo no)"
# glanceclient takes the endpoint and token from the environment (its arguments trip over --stores).
g() { OS_IMAGE_URL="$base/image" OS_AUTH_TOKEN="$TOKEN" glance "$@"; }
created=$(g image-create --name cli-glance --disk-format raw --container-format bare \
          --file "$work/image.raw" --property os_distro=cirros 2>&1)
id=$(awk -F'|' '$2 ~ /^ id / { gsub(/ /, "", $3); print $3 }' <<<"$created")
field() {
  g image-show "$id" 2>/dev/null |
    awk -F'|' -v k="$1" '{ key = $2; gsub(/^ +| +$/, "", key); if (key == k) { v = $3; gsub(/^ +| +$/, "", v); print v } }'
}
check "image-create uploads and activates" "active" "$(field status)"
check "image-create stores the data's md5" "$md5" "$(field checksum)"
check "image-create sets the property" "cirros" "$(field os_distro)"
check "the owner is alice's default project" "demo-a" "$(field owner)"
check "image-list shows the image" "1" "$(g image-list 2>/dev/null | grep -c " $id ")"
run "image-download" g image-download --file "$work/glance.down" "$id"
check "image-download returns the same bytes" "$md5" "$(md5sum "$work/glance.down" 2>/dev/null | cut -d' ' -f1)"
run "image-update --property" g image-update --property hw_disk_bus=scsi "$id"
check "the property is set" "scsi" "$(field hw_disk_bus)"
run "image-tag-update" g image-tag-update "$id" lts
check "the tag is set" '["lts"]' "$(field tags | tr -d ' ')"
run "image-deactivate" g image-deactivate "$id"
check "the image is deactivated" "deactivated" "$(field status)"
run "image-reactivate" g image-reactivate "$id"
check "the image is active again" "active" "$(field status)"
run "image-delete" g image-delete "$id"
check "image-show of the deleted image says it is not found" "1" "$(g image-show "$id" 2>&1 | grep -ci "404 Not Found")"

echo "sharing (glance member-*, openstack image member list)"
TOKEN=$(token alice)
shared=$(g image-create --name cli-shared --disk-format raw --container-format bare --visibility shared 2>&1 |
         awk -F'|' '$2 ~ /^ id / { gsub(/ /, "", $3); print $3 }')
run "member-create" g member-create "$shared" demo-b
check "member-list shows the pending member" "demo-b pending" \
  "$(g member-list --image-id "$shared" 2>/dev/null | awk -F'|' 'NR > 3 && NF > 3 { gsub(/ /, "", $3); gsub(/ /, "", $4); print $3, $4 }')"
check "a second member-create is a conflict" "1" "$(g member-create "$shared" demo-b 2>&1 | grep -c "409")"
check "the owner may not answer for the member" "1" "$(g member-update "$shared" demo-b accepted 2>&1 | grep -c "403")"
TOKEN=$(token bob)
check "the pending offer is not in bob's list" "0" "$(g image-list 2>/dev/null | grep -c " $shared ")"
run "member-update accepted, as bob" g member-update "$shared" demo-b accepted
check "the accepted image is in bob's list" "1" "$(g image-list 2>/dev/null | grep -c " $shared ")"
check "openstack image member list shows bob's answer" "accepted" \
  "$(openstack --os-auth-type admin_token --os-endpoint "$base/image/v2" --os-token "$TOKEN" image member list "$shared" -f value -c Status 2>/dev/null)"
TOKEN=$(token alice)
run "member-delete" g member-delete "$shared" demo-b
TOKEN=$(token bob)
check "a removed member cannot see the image" "1" "$(g image-show "$shared" 2>&1 | grep -ci "404 Not Found")"
TOKEN=$(token alice)
run "image-delete of the shared image" g image-delete "$shared"

echo "openstack image (python-openstackclient)"
TOKEN=$(token bob)
o() { openstack --os-auth-type admin_token --os-endpoint "$base/image/v2" --os-token "$TOKEN" "$@"; }
run "image create --file" o image create --disk-format raw --container-format bare --file "$work/image.raw" \
    --property os_distro=debian cli-openstack
id=$(o image list --name cli-openstack -f value -c ID 2>/dev/null)
show() { o image show "$id" -f json 2>/dev/null | json "$1"; }
check "image list finds it" "36" "${#id}"
check "image show: active" "active" "$(show "d['status']")"
check "image show: the data's md5" "$md5" "$(show "d['checksum']")"
check "image show: the owner is bob's project" "demo-b" "$(show "d['owner']")"
check "image show: the property" "debian" "$(show "d['properties']['os_distro']")"
run "image save" o image save --file "$work/openstack.down" "$id"
check "image save returns the same bytes" "$md5" "$(md5sum "$work/openstack.down" 2>/dev/null | cut -d' ' -f1)"
run "image set --property --tag" o image set --property hw_disk_bus=virtio --tag stable "$id"
check "image show: the new property" "virtio" "$(show "d['properties']['hw_disk_bus']")"
check "image show: the tag" "['stable']" "$(show "d['tags']" | tr -d ' ')"
run "image set --deactivate" o image set --deactivate "$id"
check "image show: deactivated" "deactivated" "$(show "d['status']")"
run "image set --activate" o image set --activate "$id"
check "image show: active again" "active" "$(show "d['status']")"
run "image delete" o image delete "$id"
check "image show of the deleted image says it is not found" "1" "$(o image show "$id" 2>&1 | grep -ci "no image found")"

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
