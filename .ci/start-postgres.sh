#!/bin/sh
# Start a local PostgreSQL + PostGIS from Debian's apt packages and create the
# test database.  Run as root (or as the postgres user).  Idempotent: a running
# cluster and an existing database are left as they are.
# Prints one line on stdout: the URL to export as EVENTMAP_TEST_PG.
# Everything else goes to stderr.
set -eu

DB="${EVENTMAP_TEST_DB:-eventmap_test}"
PORT="${EVENTMAP_TEST_PGPORT:-5432}"

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if command -v pg_lsclusters >/dev/null 2>&1; then
    # Debian's wrapper: use (or create) the cluster of the newest installed version.
    VER="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    if ! pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main"' | grep -q .; then
        echo "creating cluster $VER/main" >&2
        pg_createcluster "$VER" main -p "$PORT" >&2
    fi
    PORT="$(pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main" {print $3}')"
    if ! pg_lsclusters -h | awk -v v="$VER" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
        echo "starting cluster $VER/main on port $PORT" >&2
        pg_ctlcluster "$VER" main start >&2
    fi
else
    echo "pg_lsclusters not found: install the Debian packages postgresql and postgis" >&2
    exit 1
fi

# wait until the server accepts connections (up to ~30 s)
i=0
until as_postgres pg_isready -q -h localhost -p "$PORT"; do
    i=$((i + 1))
    if [ "$i" -gt 60 ]; then echo "PostgreSQL did not become ready on port $PORT" >&2; exit 1; fi
    sleep 0.5
done

# local TCP connections from this machine without a password (test server only):
# the Debian default pg_hba.conf asks for scram on 127.0.0.1; trust it for the
# postgres user on localhost so the URL needs no secret.
HBA="$(as_postgres psql -p "$PORT" -Atqc 'SHOW hba_file')"
if ! grep -q '^# eventmap-test' "$HBA"; then
    echo "allowing passwordless localhost connections in $HBA (test cluster)" >&2
    TMP="$(mktemp)"
    {
        echo '# eventmap-test: trust local TCP for the test database'
        echo 'host all all 127.0.0.1/32 trust'
        echo 'host all all ::1/128 trust'
        cat "$HBA"
    } >"$TMP"
    cat "$TMP" >"$HBA"
    rm -f "$TMP"
    as_postgres psql -p "$PORT" -Atqc 'SELECT pg_reload_conf()' >/dev/null
fi

if ! as_postgres psql -p "$PORT" -Atqc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    echo "creating database $DB" >&2
    as_postgres createdb -p "$PORT" "$DB"
fi
as_postgres psql -p "$PORT" -d "$DB" -Atqc 'SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS postgis' >/dev/null

echo "postgresql://postgres@localhost:$PORT/$DB"
