#!/usr/bin/env bash
# Moves a 1 GiB image through the v2 API into and out of each kind of store: the filesystem, S3 (a
# one-node Ceph's gateway) and Swift (an all-in-one), all on this machine, and next to each the same
# bytes sent straight to the object store with curl: the ceiling the API's path can approach.
# Usage: bench/object-stores.sh [size-in-MiB] [rounds]      (as root: it starts Ceph and Swift)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
rounds=${2:-3}
work=$(mktemp -d /var/tmp/glance-bench.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  tests/ceph.sh stop "$work/ceph"; tests/swift.sh stop "$work/swift"; rm -rf "$work"
}
trap cleanup EXIT

# Room in Ceph's memory store for an image through the API and one sent straight, with their copies.
ceph=$(CEPH_MEMSTORE_GIB=6 tests/ceph.sh start "$work/ceph")
swift=$(tests/swift.sh start "$work/swift")
eval "$ceph"; eval "$swift"
dotnet build Glance.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
head -c $((size_mib * 1048576)) /dev/urandom > "$work/image.bin"
bytes=$((size_mib * 1048576))
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / s / 1000000 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

s3=Glance__Stores__Backends__s3
swift=Glance__Stores__Backends__swift
env Glance__DataDirectory="$work/data" Glance__Api__TrustedHeaders=true ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  Glance__Stores__Backends__file__Type=filesystem Glance__Stores__Backends__file__Path=images Glance__Stores__Default=file \
  ${s3}__Type=s3 ${s3}__Endpoint="$GLANCE_TEST_S3_ENDPOINT" ${s3}__Bucket=bench ${s3}__CreateBucket=true \
  ${s3}__AccessKey="$GLANCE_TEST_S3_ACCESS_KEY" ${s3}__SecretKey="$GLANCE_TEST_S3_SECRET_KEY" \
  ${swift}__Type=swift ${swift}__AuthUrl="$GLANCE_TEST_SWIFT_AUTH" ${swift}__User="$GLANCE_TEST_SWIFT_USER" \
  ${swift}__Key="$GLANCE_TEST_SWIFT_KEY" ${swift}__Container=bench ${swift}__CreateContainer=true \
  dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$(pwd)/Glance.Portal" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done

H=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: bench' -H 'X-Roles: member,reader')
api="http://127.0.0.1:$port/image/v2"
create() {
  curl -sf "${H[@]}" -X POST "$api/images" -d '{"name": "bench", "disk_format": "raw", "container_format": "bare"}' |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}
upload() { curl -sf "${H[@]}" -X PUT -H 'Content-Type: application/octet-stream' -H "X-Image-Meta-Store: $2" -T "$3" -o /dev/null -w '%{time_total}' "$api/images/$1/file"; }
download() { curl -sf "${H[@]}" -o /dev/null -w '%{time_total}' "$api/images/$1/file"; }

# Straight to the stores: S3 signed by curl itself (SigV4), Swift with a tempauth token.
s3_raw() {
  curl -sf --aws-sigv4 "aws:amz:us-east-1:s3" --user "$GLANCE_TEST_S3_ACCESS_KEY:$GLANCE_TEST_S3_SECRET_KEY" \
    -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$@"
}
signed_in=$(curl -sf -D - -o /dev/null -H "X-Auth-User: $GLANCE_TEST_SWIFT_USER" -H "X-Auth-Key: $GLANCE_TEST_SWIFT_KEY" "$GLANCE_TEST_SWIFT_AUTH")
swift_token=$(awk -F': ' 'tolower($1)=="x-auth-token"{print $2}' <<<"$signed_in" | tr -d '\r')
swift_url=$(awk -F': ' 'tolower($1)=="x-storage-url"{print $2}' <<<"$signed_in" | tr -d '\r')
s3_raw -X PUT "$GLANCE_TEST_S3_ENDPOINT/raw" -o /dev/null
curl -sf -X PUT -H "X-Auth-Token: $swift_token" "$swift_url/raw" -o /dev/null
raw_put() {
  case $1 in
    s3) s3_raw -X PUT -T "$work/image.bin" -o /dev/null -w '%{time_total}' "$GLANCE_TEST_S3_ENDPOINT/raw/image" ;;
    swift) curl -sf -X PUT -H "X-Auth-Token: $swift_token" -T "$work/image.bin" -o /dev/null -w '%{time_total}' "$swift_url/raw/image" ;;
  esac
}
raw_get() {
  case $1 in
    s3) s3_raw -o /dev/null -w '%{time_total}' "$GLANCE_TEST_S3_ENDPOINT/raw/image" ;;
    swift) curl -sf -H "X-Auth-Token: $swift_token" -o /dev/null -w '%{time_total}' "$swift_url/raw/image" ;;
  esac
}
raw_delete() {
  case $1 in
    s3) s3_raw -X DELETE -o /dev/null "$GLANCE_TEST_S3_ENDPOINT/raw/image" ;;
    swift) curl -sf -X DELETE -H "X-Auth-Token: $swift_token" -o /dev/null "$swift_url/raw/image" ;;
  esac
}

# Warm-up: a long-running server has its code compiled.
head -c $((64 * 1048576)) "$work/image.bin" > "$work/warm.bin"
for store in file s3 swift; do
  id=$(create); upload "$id" "$store" "$work/warm.bin" >/dev/null; download "$id" >/dev/null; curl -sf "${H[@]}" -X DELETE "$api/images/$id"
done

echo "== ${size_mib} MiB, $rounds rounds, MB/s (median; each round in brackets)"
for store in file s3 swift; do
  : > "$work/up"; : > "$work/down"; : > "$work/raw-up"; : > "$work/raw-down"
  for _ in $(seq 1 "$rounds"); do
    id=$(create)
    mbs "$bytes" "$(upload "$id" "$store" "$work/image.bin")" >> "$work/up"; echo >> "$work/up"
    mbs "$bytes" "$(download "$id")" >> "$work/down"; echo >> "$work/down"
    curl -sf "${H[@]}" -X DELETE "$api/images/$id"
    if [ "$store" != file ]; then
      mbs "$bytes" "$(raw_put "$store")" >> "$work/raw-up"; echo >> "$work/raw-up"
      mbs "$bytes" "$(raw_get "$store")" >> "$work/raw-down"; echo >> "$work/raw-down"
      raw_delete "$store"
    fi
  done
  line="$store: API upload $(median < "$work/up") [$(paste -sd/ "$work/up")], download $(median < "$work/down") [$(paste -sd/ "$work/down")]"
  if [ "$store" != file ]; then
    line="$line; straight to the store: PUT $(median < "$work/raw-up") [$(paste -sd/ "$work/raw-up")], GET $(median < "$work/raw-down") [$(paste -sd/ "$work/raw-down")]"
  fi
  echo "$line"
done
