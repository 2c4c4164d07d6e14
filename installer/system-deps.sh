#!/usr/bin/env bash
# Install the Debian/Ubuntu packages StoreBrowser needs, or say exactly how to.
#   installer/system-deps.sh run    Qt's system libraries (to run the app)
#   installer/system-deps.sh test   the above + what the test servers and tests/installer need
#   installer/system-deps.sh dist   the above `run` + what `make dist` needs
# As root it installs what is missing; otherwise it prints the command and exits 1.
# On a system without dpkg it only checks the commands it can and trusts the rest.
# PYTHON (default python3) is the interpreter `make` builds with: Debian's own needs
# python3.X-venv (every profile) and libpython3.X (test, dist) too.
set -euo pipefail
profile=${1:-run}
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

# Qt 6 (PySide6) on Debian: EGL/GL, fontconfig, xkbcommon, D-Bus, GLib and the xcb
# libraries a desktop session loads (the offscreen platform needs none of those). The list
# is shared with the .deb's Depends. Plus a font, which Qt cannot draw text without.
mapfile -t run_pkgs < <(grep -v -e '^#' -e '^[[:space:]]*$' "$here/linux/qt-runtime-packages.txt")
run_pkgs+=(fonts-dejavu-core)
# Swift all-in-one needs memcached; Azurite needs Node.js + npm.
# tests/installer runs the frozen app on a real X server (Xvfb) too; tests/sync compares
# with rclone (check and copy agree with ours on the same trees).
test_pkgs=(memcached xvfb xauth rclone)
# PyInstaller on Linux reads libraries with objdump (binutils); the .deb is checked with
# desktop-file-validate; dpkg-deb (essential package dpkg) builds it.
dist_pkgs=(binutils desktop-file-utils)

debian_python_version() {
  # "3.X" when $python is Debian's own, which lacks two things make needs: ensurepip (in
  # python3.X-venv; without it `python3 -m venv` fails half-way, leaving a broken .venv),
  # and the shared libpython PyInstaller bundles (libpython3.X; Debian's python3 links it
  # statically, whatever sysconfig says). Other Pythons (pyenv, python.org) have ensurepip;
  # installer/build.py checks their libpython and says how to get a shared one.
  "$python" - <<'PY' 2>/dev/null || true
import sys
if sys.base_prefix == "/usr":
    print(f"{sys.version_info[0]}.{sys.version_info[1]}")
PY
}

wanted=("${run_pkgs[@]}")
case "$profile" in
  run) ;;
  test) wanted+=("${test_pkgs[@]}" "${dist_pkgs[@]}") ;;
  dist) wanted+=("${dist_pkgs[@]}") ;;
  *) echo "system-deps: unknown profile '$profile' (run, test or dist)" >&2; exit 2 ;;
esac
debian_python=$(debian_python_version)
if [ -n "$debian_python" ]; then
  wanted+=("python$debian_python-venv")
  if [ "$profile" != run ]; then
    wanted+=("libpython$debian_python")
  fi
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
