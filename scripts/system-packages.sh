#!/usr/bin/env bash
# Installs the Debian packages the Academy needs when they are missing and we may (root, apt-get).
#   scripts/system-packages.sh            WeasyPrint's libraries (Pango, HarfBuzz subsetter, fonts)
#   scripts/system-packages.sh --browser  also what the tests need: Debian's Chromium (browser
#                                         tests) and redis-server (the fault tests run a Redis
#                                         of their own) unless one is already on the PATH
#   scripts/system-packages.sh --bench    also wrk, the load generator of `make bench`
set -u
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core shared-mime-info)
[ "${1:-}" = "--browser" ] && want+=(chromium fonts-liberation)
[ "${1:-}" = "--browser" ] && ! command -v redis-server >/dev/null && want+=(redis-server)
[ "${1:-}" = "--bench" ] && want+=(wrk)
missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq >/dev/null \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null \
    || echo "warning: could not install ${missing[*]}"
else
  echo "warning: missing Debian packages: ${missing[*]} (install them as root)."
fi
if ! dpkg-query -W -f='${Status}' libharfbuzz-subset0 2>/dev/null | grep -q "installed"; then
  echo "note: without libharfbuzz-subset0 PDFs still render, about 4x slower."
fi
exit 0
