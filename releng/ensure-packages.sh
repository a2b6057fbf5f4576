#!/usr/bin/env bash
# Installs the Debian packages Egress needs when they are missing (as root), or prints the
# apt command to run (as anyone else). Usage: ensure-packages.sh PACKAGE...
set -euo pipefail
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "egress: installing missing system packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2 || true
  apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
else
  echo "egress: missing system packages: ${missing[*]}" >&2
  echo "egress: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
