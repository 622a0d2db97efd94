#!/usr/bin/env bash
# Installs what npm cannot, from Debian's packages: Chromium for the end-to-end
# tests, the apt tools the Python bundle build uses (apt-get download, dpkg-deb),
# unzip, which a unit test reads the bundle back with, and nginx, which the
# nginx fidelity tests run on loopback ports (installed without starting its daemon).
# Safe to run again: it installs only what is missing.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v dpkg-deb >/dev/null 2>&1 || missing+=(dpkg)
command -v unzip >/dev/null 2>&1 || missing+=(unzip)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v apt-get >/dev/null 2>&1 || { echo "install-system-deps: no apt-get here; install Chromium yourself for the end-to-end tests." >&2; exit 0; }

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: nothing to install"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
echo "install-system-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
# A policy-rc.d that answers 101 keeps the package from starting nginx on port 80.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${as_root[@]}" chmod 755 /usr/sbin/policy-rc.d
  trap '"${as_root[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
