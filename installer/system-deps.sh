#!/usr/bin/env bash
# Install the Debian/Ubuntu packages StoreBrowser needs, or say exactly how to.
#   installer/system-deps.sh run    Qt's system libraries (to run the app)
#   installer/system-deps.sh test   the above + what the test servers need
# As root it installs what is missing; otherwise it prints the command and exits 1.
# On a system without dpkg it only checks the commands it can and trusts the rest.
set -euo pipefail
profile=${1:-run}

# Qt 6 (PySide6) on Debian: EGL/GL, fontconfig, xkbcommon, D-Bus, GLib, a font, and the
# xcb libraries a desktop session loads (the offscreen platform needs none of those).
run_pkgs=(libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
          libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1)
# Swift all-in-one needs memcached; Azurite needs Node.js + npm; python3-venv for make.
test_pkgs=(memcached)

wanted=("${run_pkgs[@]}")
[ "$profile" = test ] && wanted+=("${test_pkgs[@]}")
if [ "$profile" = test ] && ! { command -v node >/dev/null && command -v npm >/dev/null; }; then
  wanted+=(nodejs npm)
fi

if ! command -v dpkg-query >/dev/null; then
  echo "system-deps: no dpkg here; make sure these (or your system's equivalents) are installed: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = installed ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command_line="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "StoreBrowser needs these system packages: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo sh -c '$command_line'" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
