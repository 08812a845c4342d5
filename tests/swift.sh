#!/usr/bin/env bash
# A Swift all-in-one (Debian's swift: proxy, account, container and object servers, one replica) on
# 127.0.0.1, for the Swift store's tests, with tempauth users.
#   tests/swift.sh start DIR   sets it up in DIR, starts it, and prints the settings the tests read,
#                              as shell exports (a user with a password made up for this run)
#   tests/swift.sh stop DIR
set -euo pipefail
command=${1:?usage: swift.sh start|stop DIR}
dir=${2:?usage: swift.sh start|stop DIR}

if [ "$command" = stop ]; then
  pids=()
  for server in proxy object container account memcached; do
    [ -f "$dir/run/$server.pid" ] && pids+=("$(cat "$dir/run/$server.pid")")
  done
  [ ${#pids[@]} -gt 0 ] || exit 0
  kill "${pids[@]}" 2>/dev/null || true
  # Gone before the caller copies the logs and removes the folder.
  alive() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
  for _ in $(seq 1 50); do alive || exit 0; sleep 0.2; done
  kill -9 "${pids[@]}" 2>/dev/null || true
  exit 0
fi

free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
proxy_port=$(free_port)
memcached_port=$(free_port)
password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p "$dir"/{etc,node/d1,run,log}
printf '[swift-hash]\nswift_hash_path_suffix = glance-test\nswift_hash_path_prefix = glance-test\n[storage-policy:0]\nname = Policy-0\ndefault = yes\n' >"$dir/etc/swift.conf"
cd "$dir/etc"
for server in account container object; do
  port=$(free_port)
  swift-ring-builder "$server.builder" create 8 1 1 >/dev/null
  swift-ring-builder "$server.builder" add "r1z1-127.0.0.1:$port/d1" 100 >/dev/null
  swift-ring-builder "$server.builder" rebalance >/dev/null
  cat >"$server-server.conf" <<CONF
[DEFAULT]
devices = $dir/node
mount_check = false
disable_fallocate = true
bind_ip = 127.0.0.1
bind_port = $port
workers = 1
user = root
swift_dir = $dir/etc
log_facility = LOG_LOCAL0
[pipeline:main]
pipeline = healthcheck $server-server
[filter:healthcheck]
use = egg:swift#healthcheck
[app:$server-server]
use = egg:swift#$server
CONF
done
# The object server updates the container's listing as it stores; one that times out (1 s by default,
# easily reached on a busy 2-core machine) is left to an updater, and the listings the tests read would
# lag. A long timeout keeps the listing in step instead (an updater polling every second costs a core).
printf 'container_update_timeout = 30\n' >>object-server.conf
cat >proxy-server.conf <<CONF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $proxy_port
workers = 1
user = root
swift_dir = $dir/etc
[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$memcached_port
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:tempauth]
use = egg:swift#tempauth
user_glance_glance = $password .admin
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
CONF
memcached -l 127.0.0.1 -p "$memcached_port" -U 0 -u root -m 64 -d -P "$dir/run/memcached.pid"
for server in account container object proxy; do
  "swift-$server-server" "$dir/etc/$server-server.conf" -v >"$dir/log/$server.log" 2>&1 &
  echo $! >"$dir/run/$server.pid"
done
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$proxy_port/healthcheck" >/dev/null && break; sleep 0.5; done
# Started means working: sign in, then store, read and delete an object (every server and memcached
# take part; the proxy's health check alone answers without them).
signed_in=$(curl -sf -D - -o /dev/null -H "X-Auth-User: glance:glance" -H "X-Auth-Key: $password" "http://127.0.0.1:$proxy_port/auth/v1.0")
token=$(awk -F': ' 'tolower($1)=="x-auth-token"{print $2}' <<<"$signed_in" | tr -d '\r')
account=$(awk -F': ' 'tolower($1)=="x-storage-url"{print $2}' <<<"$signed_in" | tr -d '\r')
curl -sf -o /dev/null -X PUT -H "X-Auth-Token: $token" "$account/started"
curl -sf -o /dev/null -X PUT -H "X-Auth-Token: $token" --data-binary probe "$account/started/probe"
curl -sf -o /dev/null -H "X-Auth-Token: $token" "$account/started/probe"
curl -sf -o /dev/null -X DELETE -H "X-Auth-Token: $token" "$account/started/probe"
echo "export GLANCE_TEST_SWIFT_AUTH='http://127.0.0.1:$proxy_port/auth/v1.0' GLANCE_TEST_SWIFT_USER='glance:glance' GLANCE_TEST_SWIFT_KEY='$password'"
