#!/usr/bin/env bash
# Uploads and downloads a 1 GiB image through the v2 API on loopback and prints MB/s next to this
# machine's MD5 and SHA-512 speeds (openssl speed), the ceiling for an upload that computes both.
# Usage: bench/upload-download.sh [size-in-MiB] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
rounds=${2:-3}
port=5181
work=$(mktemp -d /var/tmp/glance-bench.XXXXXX)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

mbs() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b / s / 1000000 }'; }

echo "== hashing speed (openssl speed -evp, 1 MiB blocks, one core each)"
hash_speed() {
  openssl speed -evp "$1" -seconds 3 -bytes 1048576 2>/dev/null | awk -v a="$1" '$1 == a { v = $NF; sub("k", "", v); printf "%.0f", v * 1000 / 1000000 }'
}
md5=$(hash_speed md5)
sha512=$(hash_speed sha512)
echo "md5:    $md5 MB/s"
echo "sha512: $sha512 MB/s"

dotnet build Glance.Portal -c Release -nologo -clp:ErrorsOnly >/dev/null
head -c $((size_mib * 1048576)) /dev/urandom > "$work/image.bin"
bytes=$((size_mib * 1048576))

Glance__DataDirectory="$work/data" Glance__Api__TrustedHeaders=true ASPNETCORE_ENVIRONMENT=Production \
  Logging__LogLevel__Default=Warning \
  dotnet Glance.Portal/bin/Release/net10.0/Glance.Portal.dll --urls "http://127.0.0.1:$port" \
  --contentRoot "$(pwd)/Glance.Portal" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthcheck" >/dev/null && break; sleep 0.2; done

H=(-H 'X-Identity-Status: Confirmed' -H 'X-Project-Id: bench' -H 'X-Roles: member,reader')
api="http://127.0.0.1:$port/image/v2"
create() {
  curl -sf "${H[@]}" -X POST "$api/images" -d '{"name": "bench", "disk_format": "raw", "container_format": "bare"}' |
    sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}
upload() { curl -sf "${H[@]}" -X PUT -H 'Content-Type: application/octet-stream' -T "$2" -o /dev/null -w '%{time_total}' "$api/images/$1/file"; }
download() { curl -sf "${H[@]}" -o /dev/null -w '%{time_total}' "$api/images/$1/file"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Warm-up: a long-running server has its code compiled; a 64 MiB round gets the JIT out of the numbers.
head -c $((64 * 1048576)) "$work/image.bin" > "$work/warm.bin"
for _ in 1 2; do id=$(create); upload "$id" "$work/warm.bin" >/dev/null; download "$id" >/dev/null; curl -sf "${H[@]}" -X DELETE "$api/images/$id"; done

echo "== ${size_mib} MiB through the API on loopback, $rounds rounds"
: > "$work/up"; : > "$work/cold"; : > "$work/warm"
for round in $(seq 1 "$rounds"); do
  id=$(create)
  up=$(mbs "$bytes" "$(upload "$id" "$work/image.bin")")
  # The first read after an upload comes from disk: uploads bypass the page cache (direct I/O).
  cold=$(mbs "$bytes" "$(download "$id")")
  warm=$(mbs "$bytes" "$(download "$id")")
  echo "round $round: upload $up MB/s, download $cold MB/s (first read, from disk), $warm MB/s (cached)"
  echo "$up" >> "$work/up"; echo "$cold" >> "$work/cold"; echo "$warm" >> "$work/warm"
  curl -sf "${H[@]}" -X DELETE "$api/images/$id" >/dev/null
done
echo "median: upload $(median < "$work/up") MB/s, download $(median < "$work/cold") MB/s from disk, $(median < "$work/warm") MB/s cached"
echo "upload / slower hash: $(awk -v u="$(median < "$work/up")" -v a="$md5" -v b="$sha512" 'BEGIN { s = a < b ? a : b; printf "%.0f%%", 100 * u / s }')"
