#!/usr/bin/env bash
# Install the Debian/Ubuntu packages StoreBrowser needs, or say exactly how to.
#   installer/system-deps.sh run    Qt's system libraries (to run the app)
#   installer/system-deps.sh test   the above + what the test servers and tests/installer need
#   installer/system-deps.sh dist   the above `run` + what `make dist` needs
# As root it installs what is missing; otherwise it prints the command and exits 1.
# On a system without dpkg it only checks the commands it can and trusts the rest.
# PYTHON (default python3) is the interpreter `make` builds with; `dist` checks it.
set -euo pipefail
profile=${1:-run}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

# Qt 6 (PySide6) on Debian: EGL/GL, fontconfig, xkbcommon, D-Bus, GLib and the xcb
# libraries a desktop session loads (the offscreen platform needs none of those). The list
# is shared with the .deb's Depends. Plus a font, which Qt cannot draw text without.
mapfile -t run_pkgs < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/linux/qt-runtime-packages.txt")
run_pkgs+=(fonts-dejavu-core)
# Swift all-in-one needs memcached; Azurite needs Node.js + npm; python3-venv for make.
# tests/installer runs the frozen app on a real X server (Xvfb) too.
test_pkgs=(memcached xvfb xauth)
# PyInstaller on Linux reads libraries with objdump (binutils); the .deb is checked with
# desktop-file-validate; dpkg-deb (essential package dpkg) builds it.
dist_pkgs=(binutils desktop-file-utils)

libpython_pkg() {
  # Debian's own python3 links libpython statically (whatever sysconfig says); PyInstaller
  # needs the shared one, which Debian ships as libpython3.X. Other Pythons (pyenv,
  # python.org) are checked by installer/build.py, which says how to get a shared one.
  "$python" - <<'PY' 2>/dev/null || true
import sys
if sys.base_prefix == "/usr":
    print(f"libpython{sys.version_info[0]}.{sys.version_info[1]}")
PY
}

wanted=("${run_pkgs[@]}")
case "$profile" in
  run) ;;
  test) wanted+=("${test_pkgs[@]}" "${dist_pkgs[@]}") ;;
  dist) wanted+=("${dist_pkgs[@]}") ;;
  *) echo "system-deps: unknown profile '$profile' (run, test or dist)" >&2; exit 2 ;;
esac
if [ "$profile" != run ]; then
  libpython=$(libpython_pkg)
  [ -n "$libpython" ] && wanted+=("$libpython")
fi
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
