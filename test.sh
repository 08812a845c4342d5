#!/usr/bin/env bash
# Runs every test of Glance Portal: domain, API and component tests, then end-to-end tests in a real
# Chromium. Installs what the tests need when it is missing (Debian's chromium for Playwright).
# Ends with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the end-to-end tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null || { echo "could not install chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet build Glance.sln -c Release -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
for project in Glance.Portal.Tests Glance.E2E; do
  dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$project.trx" --results-directory "$results" || status=1
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test run that crashed without reporting a failure still failed.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
