#!/usr/bin/env bash
# Build reviewapp for Linux: the PyInstaller application folder and the .deb.
#
#     bash resources/packaging/build.sh        # -> build/packaging/reviewapp_<version>_<arch>.deb
#
# Set REVIEWAPP_BUILD_DIR to build elsewhere. Needs python3 (3.11+, built with
# a shared libpython, as Debian's and python.org's are) and dpkg-deb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${REVIEWAPP_BUILD_DIR:-$root/build/packaging}"

bash "$here/pyinstaller.sh"
"$out/venv/bin/python" "$here/linux/make_deb.py" "$out/dist/reviewapp" "$out"
