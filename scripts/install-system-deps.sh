#!/usr/bin/env bash
# Installs what npm cannot, from Debian's packages: Chromium for the end-to-end
# tests, the apt tools the Python bundle build uses (apt-get download, dpkg-deb),
# and unzip, which a unit test reads the bundle back with.
# Safe to run again: it installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
command -v apt-get >/dev/null 2>&1 || { echo "install-system-deps: no apt-get here; install Chromium yourself for the end-to-end tests." >&2; exit 0; }

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: nothing to install"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
echo "install-system-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
