#!/usr/bin/env bash
# Build reviewapp for macOS: the .app bundle, then a disk image.
#
#     bash resources/packaging/macos/build.sh   # -> build/packaging/reviewapp-<version>.dmg
#
# Needs Python 3.11+ from python.org or Homebrew. The bundle is for the machine's
# own architecture (arm64 or x86_64). Signing and notarisation need the
# newsroom's Apple Developer ID: set CODESIGN_IDENTITY to sign.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="${REVIEWAPP_BUILD_DIR:-$root/build/packaging}"

bash "$here/../pyinstaller.sh"

app="$out/dist/reviewapp.app"
"$app/Contents/MacOS/reviewapp" --version
if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
    codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
fi
version="$("$out/venv/bin/python" -c 'from importlib.metadata import version; print(version("reviewapp"))')"
hdiutil create -volname "reviewapp $version" -srcfolder "$app" -ov -format UDZO "$out/reviewapp-$version.dmg"
