#!/usr/bin/env bash
# A real Keystone (Debian's, Zed) on 127.0.0.1 with SQLite, for the Keystone-token tests.
#   tests/keystone.sh start DIR   sets it up in DIR (which must not exist), starts it, and prints the
#                                 settings the tests read, as shell exports
#   tests/keystone.sh stop DIR
# It creates the service user the API signs in as (glance, admin in project service) and a user
# with the member role in project demo-ks (and "revokee", for the revocation test).
set -euo pipefail
command=${1:?usage: keystone.sh start|stop DIR}
dir=${2:?usage: keystone.sh start|stop DIR}

if [ "$command" = stop ]; then
  [ -f "$dir/uwsgi.pid" ] && kill "$(cat "$dir/uwsgi.pid")" 2>/dev/null || true
  exit 0
fi

mkdir -p "$dir/fernet-keys" "$dir/credential-keys"
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
cat > "$dir/keystone.conf" <<CONF
[DEFAULT]
log_file = $dir/keystone.log
[database]
connection = sqlite:///$dir/keystone.sqlite
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $dir/fernet-keys/
[credential]
key_repository = $dir/credential-keys/
[identity]
password_hash_rounds = 4
[cache]
enabled = true
backend = dogpile.cache.memory
CONF
manage() { keystone-manage --config-file "$dir/keystone.conf" "$@" >>"$dir/manage.log" 2>&1; }
manage db_sync
manage fernet_setup --keystone-user root --keystone-group root
manage credential_setup --keystone-user root --keystone-group root
manage bootstrap --bootstrap-password admin-secret --bootstrap-username admin --bootstrap-project-name admin \
  --bootstrap-role-name admin --bootstrap-region-id RegionOne \
  --bootstrap-public-url "$url/v3" --bootstrap-internal-url "$url/v3" --bootstrap-admin-url "$url/v3"
# Keystone keeps a read transaction open after issuing a token; without WAL later writes fail.
sqlite3 "$dir/keystone.sqlite" 'PRAGMA journal_mode=WAL;' >/dev/null

cat > "$dir/uwsgi.ini" <<INI
[uwsgi]
plugins = python3
http-socket = 127.0.0.1:$port
wsgi-file = /usr/bin/keystone-wsgi-public
master = true
processes = 1
die-on-term = true
pidfile = $dir/uwsgi.pid
env = OS_KEYSTONE_CONFIG_FILES=$dir/keystone.conf
logto = $dir/uwsgi.log
INI
uwsgi --ini "$dir/uwsgi.ini" --daemonize2 "$dir/uwsgi.log"
for _ in $(seq 1 150); do curl -sf "$url/v3" >/dev/null && break; sleep 0.2; done
curl -sf "$url/v3" >/dev/null || { echo "keystone did not start; see $dir/uwsgi.log" >&2; exit 1; }

# As admin, through the API: the service user and a member of a project.
admin_token() {
  curl -si -H 'Content-Type: application/json' -d '{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "admin", "domain": {"id": "default"}, "password": "admin-secret"}}}, "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}' \
    "$url/v3/auth/tokens" | awk -F': ' 'tolower($1) == "x-subject-token" { print $2 }' | tr -d '\r'
}
T=$(admin_token)
api() { curl -sf -H "X-Auth-Token: $T" -H 'Content-Type: application/json' "$@"; }
id_of() { /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['$1']['id'])"; }
role_id() { api "$url/v3/roles?name=$1" | /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['roles'][0]['id'])"; }
service_project=$(api -X POST "$url/v3/projects" -d '{"project": {"name": "service", "domain_id": "default"}}' | id_of project)
demo_project=$(api -X POST "$url/v3/projects" -d '{"project": {"name": "demo-ks", "domain_id": "default"}}' | id_of project)
glance_user=$(api -X POST "$url/v3/users" -d '{"user": {"name": "glance", "domain_id": "default", "password": "glance-secret"}}' | id_of user)
demo_user=$(api -X POST "$url/v3/users" -d '{"user": {"name": "demo", "domain_id": "default", "password": "demo-secret"}}' | id_of user)
# The revocation test's own user: Keystone checks revocations with one-second granularity, so a
# revoked token can take a token issued in the same second for the same user with it.
revokee_user=$(api -X POST "$url/v3/users" -d '{"user": {"name": "revokee", "domain_id": "default", "password": "revokee-secret"}}' | id_of user)
api -X PUT "$url/v3/projects/$service_project/users/$glance_user/roles/$(role_id admin)"
api -X PUT "$url/v3/projects/$demo_project/users/$demo_user/roles/$(role_id member)"
api -X PUT "$url/v3/projects/$demo_project/users/$demo_user/roles/$(role_id reader)"
api -X PUT "$url/v3/projects/$demo_project/users/$revokee_user/roles/$(role_id member)"

cat <<OUT
export GLANCE_TEST_KEYSTONE_URL=$url
export GLANCE_TEST_KEYSTONE_SERVICE_PASSWORD=glance-secret
export GLANCE_TEST_KEYSTONE_DEMO_PROJECT=$demo_project
OUT
