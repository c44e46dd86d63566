#!/usr/bin/env bash
# Runs SspPortal's benchmarks and writes bench/results/latest.md. Not part of ./test.sh.
#
# Installs what is missing (wrk and Chromium with apt-get when run as root; the test OpenID provider's Node
# packages with npm ci; dotnet-gcdump, dotnet-counters and dotnet-trace into bench/.tools), builds the app, the
# baseline and the driver in Release, then lets the driver start everything on 127.0.0.1 and measure.
#
# Options are passed to the driver, e.g. `bash bench/run.sh --rounds 3 --seconds 3 --circuits 100`, or
# `--only api-read-c32,circuits` to look at one scenario (see bench/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [[ "$(id -u)" == "0" ]] || return 1
  if [[ "$apt_updated" == "0" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

step "Tools"
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK is missing: install the SDK named in global.json."
command -v wrk >/dev/null 2>&1 || apt_install wrk || fail "wrk is missing: apt-get install -y wrk (as root)."
CHROMIUM="${SSP_CHROMIUM:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM" ]]; then
  apt_install chromium || fail "Chromium is missing: apt-get install -y chromium, or set SSP_CHROMIUM."
  CHROMIUM=/usr/bin/chromium
fi
command -v node >/dev/null 2>&1 || fail "Node.js is missing (the test OpenID provider runs on it)."
if [[ ! -d e2e/oidc-provider/node_modules/oidc-provider ]]; then
  (cd e2e/oidc-provider && npm ci --no-audit --no-fund --loglevel=error)
fi
TOOLS="$ROOT/bench/.tools"
for tool in dotnet-gcdump dotnet-counters dotnet-trace; do
  [[ -x "$TOOLS/$tool" ]] || dotnet tool install "$tool" --version 10.0.750501 --tool-path "$TOOLS" >/dev/null
done
wrk -v 2>&1 | head -1 || true

step "Build (Release)"
# The app runs from its publish folder, as in production: on .NET 10 the Blazor script and the portal's assets are
# static web assets, which a Production app serves only from published output.
dotnet publish src/SspPortal.Web/SspPortal.Web.csproj -c Release -nologo -clp:ErrorsOnly -o "$ROOT/bench/.publish/web"
dotnet build bench/SspPortal.Bench.Baseline/SspPortal.Bench.Baseline.csproj -c Release -nologo -clp:ErrorsOnly
dotnet build bench/SspPortal.Bench/SspPortal.Bench.csproj -c Release -nologo -clp:ErrorsOnly

find_exe() {
  local found
  found="$(find "$1/bin/Release/net10.0" -maxdepth 2 -type f -name "$2" -perm -u+x | head -1)"
  [[ -n "$found" ]] || fail "no $2 under $1/bin/Release/net10.0"
  printf '%s\n' "$found"
}
WEB="$ROOT/bench/.publish/web/SspPortal.Web"
[[ -x "$WEB" ]] || fail "no published SspPortal.Web under bench/.publish/web"
BASELINE="$(find_exe bench/SspPortal.Bench.Baseline SspPortal.Bench.Baseline)"
DRIVER="$(find_exe bench/SspPortal.Bench SspPortal.Bench)"

step "Measure"
"$DRIVER" --repo "$ROOT" --web-exe "$WEB" --baseline-exe "$BASELINE" --out "$ROOT/bench/results" \
  --chromium "$CHROMIUM" "$@"
