#!/usr/bin/env bash
# A private PostgreSQL cluster (Debian's) on 127.0.0.1, for the tests that run on PostgreSQL.
#   tests/postgres.sh start DIR   makes the cluster in DIR (which must not exist), starts it, and
#                                 prints the connection string the tests read, as a shell export
#   tests/postgres.sh stop DIR
# Tuned for tests, not for data that matters: no fsync, and the C locale, so that text sorts by bytes
# as it does on SQLite and in Glance.
set -euo pipefail
command=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

if [ "$command" = stop ]; then
  [ -f "$dir/data/postmaster.pid" ] && su postgres -c "$bin/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  exit 0
fi

mkdir -p "$dir"
chown postgres "$dir"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
su postgres -c "$bin/initdb -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C" >"$dir/initdb.log" 2>&1
su postgres -c "$bin/pg_ctl -D '$dir/data' -l '$dir/postgres.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
echo "export GLANCE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres'"
