#!/usr/bin/env bash
# A throw-away PostgreSQL for the tests: a temporary cluster on 127.0.0.1 on a free port, trust authentication for
# the "postgres" user, durability switched off (tests only).
#   scripts/test-postgres.sh start <dir>   initdb in <dir> (which must not exist yet), start, print the connection string
#   scripts/test-postgres.sh stop <dir>    stop the cluster and delete <dir>
# As root, the cluster runs as the "postgres" user (initdb refuses root); Debian's postgresql package creates it.
# When no PostgreSQL binaries are found, installs Debian's postgresql with apt-get (root only).
set -euo pipefail

command="${1:-}"
dir="${2:-}"
[[ -n "$command" && -n "$dir" ]] || { echo "usage: $0 start|stop <dir>" >&2; exit 2; }

is_root() { [[ "$(id -u)" == "0" ]]; }
as_owner() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

case "$command" in
  start)
    bin="$(find_bin)"
    if [[ -z "$bin" ]]; then
      is_root && command -v apt-get >/dev/null 2>&1 || { echo "PostgreSQL is missing: install it (Debian: apt-get install -y postgresql)." >&2; exit 1; }
      echo "No PostgreSQL found; installing the Debian package." >&2
      DEBIAN_FRONTEND=noninteractive apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
      bin="$(find_bin)"
      [[ -n "$bin" ]] || { echo "postgresql was installed but no binaries were found under /usr/lib/postgresql." >&2; exit 1; }
    fi
    if is_root && ! id postgres >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    fi

    [[ ! -e "$dir" ]] || { echo "$dir exists already." >&2; exit 1; }
    mkdir -p "$dir"
    is_root && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }

    # A free port: one that nobody answers on.
    port=""
    for candidate in $(shuf -i 20000-60000 -n 50); do
      if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
        port="$candidate"
        break
      fi
    done
    [[ -n "$port" ]] || { echo "no free port found." >&2; exit 1; }

    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB -c TimeZone=UTC" \
      >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$bin" >"$dir/bin"
    printf 'Host=127.0.0.1;Port=%s;Username=postgres;Include Error Detail=true\n' "$port"
    ;;
  stop)
    if [[ -f "$dir/bin" ]]; then
      as_owner "$(cat "$dir/bin")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop <dir>" >&2
    exit 2
    ;;
esac
