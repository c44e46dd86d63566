#!/usr/bin/env bash
# Runs every test of SspPortal: unit, integration and end-to-end.
# Installs what is missing first (Chromium for the browser tests, the e2e Node packages), builds once, checks
# the formatting, runs each test project, and ends with one line: "N passed, N failed, N skipped".
# Exit status: 0 only when something ran and nothing failed.
#
# Chromium: $SSP_CHROMIUM if set, else a well-known path (chromium, chromium-browser, google-chrome…);
# when none is found and this runs as root on Debian/Ubuntu, it is installed with apt-get.
#
# PostgreSQL: a temporary cluster on 127.0.0.1 on a free port (scripts/test-postgres.sh; Debian's postgresql is
# installed with apt-get when /usr/lib/postgresql/*/bin is missing), stopped and deleted at the end, also on failure.
# Its connection string reaches the tests as SSP_TEST_POSTGRES (an existing SSP_TEST_POSTGRES is used as it is).
# SQL Server: the same tests run on it when SSP_TEST_SQLSERVER holds a connection string; otherwise they are
# reported as skipped with that reason.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
RESULTS="$ROOT/artifacts/test-results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" == "0" ]]; }

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  is_root || return 1
  if [[ "$apt_updated" == "0" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

find_chromium() {
  if [[ -n "${SSP_CHROMIUM:-}" ]]; then
    [[ -x "$SSP_CHROMIUM" ]] || fail "SSP_CHROMIUM is set to '$SSP_CHROMIUM', which is not an executable file."
    printf '%s\n' "$SSP_CHROMIUM"
    return 0
  fi
  local candidate
  for candidate in \
    /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable \
    /usr/local/bin/chromium /snap/bin/chromium /opt/google/chrome/chrome \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" "/Applications/Chromium.app/Contents/MacOS/Chromium"; do
    if [[ -x "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# --- What the tests need -------------------------------------------------------------------------
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is missing: install the SDK named in global.json."

step "Chromium"
if ! chromium_path="$(find_chromium)"; then
  echo "No Chromium or Chrome found; installing the Debian package."
  apt_install chromium || fail "Chromium is missing. Install it (Debian: apt-get install -y chromium) or set SSP_CHROMIUM to a Chrome/Chromium executable."
  chromium_path="$(find_chromium)" || fail "chromium was installed but no executable was found."
fi
export SSP_CHROMIUM="$chromium_path"
echo "Using $SSP_CHROMIUM"

if [[ -f e2e/oidc-provider/package.json ]]; then
  step "Node packages of the test OpenID provider"
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm || fail "npm is missing: install Node.js (with npm) to run the end-to-end tests."
  fi
  npm ci --prefix e2e/oidc-provider --no-audit --no-fund
fi

step "PostgreSQL for the database tests"
postgres_dir=""
stop_postgres() {
  if [[ -n "$postgres_dir" ]]; then
    "$ROOT/scripts/test-postgres.sh" stop "$postgres_dir" || true
  fi
}
trap stop_postgres EXIT
if [[ -n "${SSP_TEST_POSTGRES:-}" ]]; then
  echo "Using SSP_TEST_POSTGRES as given."
else
  postgres_dir="$(mktemp -u "${TMPDIR:-/tmp}/sspportal-pg.XXXXXX")"
  SSP_TEST_POSTGRES="$("$ROOT/scripts/test-postgres.sh" start "$postgres_dir")" || fail "PostgreSQL could not be started; no tests ran."
  export SSP_TEST_POSTGRES
  echo "PostgreSQL is listening: $SSP_TEST_POSTGRES"
fi
if [[ -z "${SSP_TEST_SQLSERVER:-}" ]]; then
  echo "SSP_TEST_SQLSERVER is not set: the SQL Server cases will be reported as skipped."
fi

# --- Build once ----------------------------------------------------------------------------------
step "Build"
dotnet build SspPortal.sln -c Debug || fail "the build failed; no tests ran."

# Each engine's migrations set must match the model (works offline, SQL Server included).
step "Migrations: no pending model changes"
dotnet tool restore >/dev/null || fail "dotnet tool restore failed (dotnet-ef is a local tool)."
for provider in Sqlite SqlServer PostgreSql; do
  migrations="src/SspPortal.Infrastructure.Migrations.$provider"
  dotnet ef migrations has-pending-model-changes --no-build --configuration Debug --project "$migrations" --startup-project "$migrations" ||
    fail "the $provider migrations do not match the model: run scripts/add-migration.sh <Name> and commit the result. No tests ran."
done

# The build enforces the analyzer and code-style rules; this adds layout (whitespace, import order) from .editorconfig.
step "Format"
dotnet format SspPortal.sln --verify-no-changes --no-restore ||
  fail "the code is not formatted as .editorconfig says; run 'dotnet format SspPortal.sln' and commit the result. No tests ran."

# --- Run every test project ----------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Unit and integration tests first, then the browser tests.
mapfile -t projects < <({ ls tests/*/*.csproj | sort; ls e2e/*/*.csproj | sort; } 2>/dev/null)
((${#projects[@]} > 0)) || fail "no test projects found under tests/ or e2e/."

counter() { # counter <name> <counters element>: the attribute's value, 0 when absent
  local value
  value="$(sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2")"
  printf '%s\n' "${value:-0}"
}

passed=0 failed=0 skipped=0 broken=()
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  step "Test $name"
  trx="$RESULTS/$name.trx"
  status=0
  dotnet test "$project" -c Debug --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$RESULTS" \
    --blame-hang-timeout 10m --blame-hang-dump-type none || status=$?

  if [[ ! -f "$trx" ]]; then
    broken+=("$name: the test run crashed before writing results (exit code $status)")
    continue
  fi

  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)"
  p="$(counter passed "$counters")"
  f=$(($(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
  # Skipped tests (e.g. the SQL Server cases without SSP_TEST_SQLSERVER) are results with outcome NotExecuted; the
  # Counters element does not always count them.
  s="$({ grep -o 'outcome="NotExecuted"' "$trx" || true; } | wc -l | tr -d ' ')"
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  echo "$name: $p passed, $f failed, $s skipped"
  if ((status != 0 && f == 0)); then
    broken+=("$name: dotnet test exited with $status although no test failed")
  fi
done

echo
echo "Results: $RESULTS"
for problem in ${broken[@]+"${broken[@]}"}; do
  echo "PROBLEM: $problem"
done
if ((passed + failed == 0)); then
  echo "PROBLEM: no test ran"
fi

echo "$passed passed, $failed failed, $skipped skipped"
if ((failed > 0 || ${#broken[@]} > 0 || passed + failed == 0)); then
  exit 1
fi
