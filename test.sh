#!/usr/bin/env bash
# Runs every test of Remiss: the README's test command, and what CI runs.
# Installs what the tests need when it is missing (as root, with apt), builds, runs the tests with real SQLite,
# and ends with one line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

log() { printf '==> %s\n' "$*"; }

# --- What the tests need from the machine ------------------------------------------------------------------
# Time zones (deadlines are Europe/Stockholm dates) and ICU (Swedish culture: dates, sorting).
# LibreOffice Writer and poppler's pdftotext: a test converts a generated sammanställning to PDF and reads it back.
# LibreOffice Calc: a test converts the Excel export to CSV and reads its cells.
missing=()
[ -e /usr/share/zoneinfo/Europe/Stockholm ] || missing+=(tzdata)
ldconfig -p 2>/dev/null | grep -q 'libicuuc\.so' || missing+=(libicu72)
# A real SMTP server on 127.0.0.1 for the e-mail tests (Debian's python3 with aiosmtpd).
{ [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; } || missing+=(python3-aiosmtpd)
# Debian's Chromium for the browser tests (Playwright's own browser download does not work here), npm for axe-core.
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(npm)
command -v soffice >/dev/null || missing+=(libreoffice-writer)
[ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "Installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing packages: ${missing[*]} (install them with apt-get as root)." >&2
  fi
fi

# axe-core from npm, pinned by Remiss.Tests/EndToEnd/package-lock.json; the browser tests inject it into every page.
if [ ! -f Remiss.Tests/EndToEnd/node_modules/axe-core/axe.min.js ]; then
  log "Installing axe-core"
  npm ci --prefix Remiss.Tests/EndToEnd --no-audit --no-fund --loglevel=error >/dev/null || echo "npm ci failed: the browser tests will fail." >&2
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is needed: https://dot.net" >&2; echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

# --- Build and test ----------------------------------------------------------------------------------------
results="TestResults"
rm -rf "$results"
log "Building"
if ! dotnet build Remiss.sln -c Release -nologo -v quiet; then
  echo "Build failed."
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

log "Testing"
dotnet test Remiss.Tests/Remiss.Tests.csproj -c Release --no-build -nologo \
  --logger "trx;LogFileName=remiss.trx" --logger "console;verbosity=minimal" \
  --results-directory "$results"
status=$?

trx="$results/remiss.trx"
if [ -f "$trx" ]; then
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); passed=$(value passed); failed=$(value failed); errors=$(value error)
  failed=$(( ${failed:-0} + ${errors:-0} ))
  skipped=$(( ${total:-0} - ${passed:-0} - failed ))
  [ "$skipped" -lt 0 ] && skipped=0
  echo "Tests: ${passed:-0} passed, ${failed} failed, ${skipped} skipped"
else
  echo "Tests: 0 passed, 1 failed, 0 skipped"
  status=1
fi
exit "$status"
