#!/usr/bin/env bash
# A one-node Ceph (Debian's) with its S3 gateway, RGW, on 127.0.0.1, for the S3 store's tests.
#   tests/ceph.sh start DIR   sets it up in DIR, starts it, and prints the settings the tests read,
#                             as shell exports (an S3 user with keys made up for this run)
#   tests/ceph.sh stop DIR
# The object store keeps its data in memory (memstore, CEPH_MEMSTORE_GIB, 2 by default), right for tests
# and nothing else. The
# monitor and the gateway listen on free ports.
set -euo pipefail
command=${1:?usage: ceph.sh start|stop DIR}
dir=${2:?usage: ceph.sh start|stop DIR}

if [ "$command" = stop ]; then
  pids=()
  for daemon in rgw osd mgr mon; do
    [ -f "$dir/run/$daemon.fpid" ] && pids+=("$(cat "$dir/run/$daemon.fpid")")
  done
  [ ${#pids[@]} -gt 0 ] || exit 0
  kill "${pids[@]}" 2>/dev/null || true
  # Gone before the caller copies the logs and removes the folder.
  alive() { for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done; return 1; }
  for _ in $(seq 1 50); do alive || exit 0; sleep 0.2; done
  kill -9 "${pids[@]}" 2>/dev/null || true
  exit 0
fi

mkdir -p "$dir"/{run,log,mon,osd,mgr,rgw}
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
mon_v2=$(free_port)
mon_v1=$(free_port)
fsid=$(cat /proc/sys/kernel/random/uuid)
access_key=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
secret_key=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat > "$dir/ceph.conf" <<CONF
[global]
fsid = $fsid
mon_host = [v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]
public_network = 127.0.0.0/8
auth_cluster_required = none
auth_service_required = none
auth_client_required = none
ms_mon_client_mode = crc secure
osd_pool_default_size = 1
osd_pool_default_min_size = 1
osd_pool_default_pg_num = 8
osd_pool_default_pgp_num = 8
mon_allow_pool_size_one = true
mon_warn_on_pool_no_redundancy = false
osd_crush_chooseleaf_type = 0
run_dir = $dir/run
log_file = $dir/log/\$name.log
admin_socket = $dir/run/\$name.asok
pid_file = $dir/run/\$name.pid
keyring = $dir/\$name.keyring
mon_data = $dir/mon/\$name
osd_data = $dir/osd/\$name
mgr_data = $dir/mgr/\$name
osd_objectstore = memstore
memstore_device_bytes = $((${CEPH_MEMSTORE_GIB:-2} * 1073741824))
mon_data_avail_warn = 1
mon_data_avail_crit = 0
[client.rgw.a]
rgw_frontends = beast endpoint=127.0.0.1:$port
rgw_data = $dir/rgw
# Deleted data is freed within seconds, not RGW's two hours, so the memory store does not fill up.
rgw_gc_obj_min_wait = 5
rgw_gc_processor_period = 5
CONF
cd "$dir"
conf="$dir/ceph.conf"
monmaptool --create --addv a "[v2:127.0.0.1:$mon_v2,v1:127.0.0.1:$mon_v1]" --fsid "$fsid" monmap >/dev/null
ceph-authtool --create-keyring "$dir/mon.a.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-mon -c "$conf" --mkfs -i a --monmap monmap >"$dir/log/mkfs.out" 2>&1
ceph-mon -c "$conf" -i a -f >"$dir/log/mon.out" 2>&1 & echo $! >"$dir/run/mon.fpid"
timeout 60 ceph -c "$conf" -s >/dev/null
mkdir -p "$dir/mgr/mgr.x"
ceph-mgr -c "$conf" -i x -f >"$dir/log/mgr.out" 2>&1 & echo $! >"$dir/run/mgr.fpid"
osd_uuid=$(cat /proc/sys/kernel/random/uuid)
osd_id=$(timeout 30 ceph -c "$conf" osd new "$osd_uuid")
mkdir -p "$dir/osd/osd.$osd_id"
ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >"$dir/log/osd-mkfs.out" 2>&1
ceph-osd -c "$conf" -i "$osd_id" -f >"$dir/log/osd.out" 2>&1 & echo $! >"$dir/run/osd.fpid"
radosgw -c "$conf" -n client.rgw.a -f >"$dir/log/rgw.out" 2>&1 & echo $! >"$dir/run/rgw.fpid"
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$port/" >/dev/null
timeout 60 radosgw-admin -c "$conf" user create --uid=glance --display-name=glance \
  --access-key="$access_key" --secret-key="$secret_key" >/dev/null
echo "export GLANCE_TEST_S3_ENDPOINT='http://127.0.0.1:$port' GLANCE_TEST_S3_ACCESS_KEY='$access_key' GLANCE_TEST_S3_SECRET_KEY='$secret_key'"
