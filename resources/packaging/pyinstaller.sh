#!/usr/bin/env bash
# The PyInstaller step that build.sh (Linux) and macos/build.sh share:
# a venv of its own, reviewapp with the GUI, grammar and server extras (a newsroom's review
# server, the password in the system keyring), then the spec.
#
#     bash resources/packaging/pyinstaller.sh   # -> build/packaging/dist/reviewapp[.app]
#
# Set REVIEWAPP_BUILD_DIR to build elsewhere. (windows/build.ps1 does the same in PowerShell.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${REVIEWAPP_BUILD_DIR:-$root/build/packaging}"

# Not the development venv: the app gets what a user's install would have,
# not the test tools.
python3 -m venv "$out/venv"
"$out/venv/bin/pip" install --quiet --disable-pip-version-check "$root[gui,grammar,server]" -r "$here/requirements.txt"
"$out/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$out/dist" --workpath "$out/work" "$here/reviewapp.spec"
