#!/usr/bin/env bash
# Build the .deb, install it, use the installed app, uninstall it.
#
#     bash resources/packaging/smoke_test.sh [--no-build]
#
# As root (CI) the package is installed on the machine with apt-get, which also
# proves its Depends resolve, and removed again at the end; otherwise it is
# unpacked into a temporary root. Compares the installed `reviewapp check`
# with the development install's (.venv, or REVIEWAPP_DEV_PYTHON).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${REVIEWAPP_BUILD_DIR:-$root/build/packaging}"
dev_python="${REVIEWAPP_DEV_PYTHON:-$root/.venv/bin/python}"
draft="$root/tests/data/openai-foxconn.txt"
max_mb=150

fail() { echo "smoke test FAILED: $*" >&2; exit 1; }
step() { echo "== $*"; }

[[ "${1:-}" == --no-build ]] || bash "$here/build.sh"
version="$("$dev_python" -c 'from importlib.metadata import version; print(version("reviewapp"))')"
deb="$out/reviewapp_${version}_$(dpkg --print-architecture).deb"
[[ -f "$deb" ]] || fail "$deb was not built"

work="$(mktemp -d)"
# The installed app must not read or write the user's settings or review database.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"

if [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; then
    mode=machine
    prefix=""
    if dpkg -s reviewapp >/dev/null 2>&1; then dpkg -r reviewapp >/dev/null; fi
    trap 'dpkg -r reviewapp >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
    step "installing $deb with apt-get"
    # Its Depends come from the distribution; refresh the package lists if they are stale.
    install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" >/dev/null; }
    install || { apt-get update -qq && install; }
    app=/usr/bin/reviewapp
else
    mode=folder
    prefix="$work/root"
    trap 'rm -rf "$work"' EXIT
    step "unpacking $deb into $prefix (not root: no machine install)"
    dpkg-deb -x "$deb" "$prefix"
    app="$prefix/opt/reviewapp/reviewapp"
fi
opt="$prefix/opt/reviewapp"

step "layout"
[[ -x "$opt/reviewapp" ]] || fail "no $opt/reviewapp"
[[ "$(readlink "$prefix/usr/bin/reviewapp")" == /opt/reviewapp/reviewapp ]] || fail "no /usr/bin/reviewapp link"
for f in usr/share/applications/io.github.reviewapp.desktop usr/share/metainfo/io.github.reviewapp.metainfo.xml \
    usr/share/icons/hicolor/256x256/apps/io.github.reviewapp.png usr/share/icons/hicolor/scalable/apps/io.github.reviewapp.svg; do
    [[ -f "$prefix/$f" ]] || fail "no /$f"
done
size_mb=$(du -sm "$opt" | cut -f1)
echo "application folder: $size_mb MB"
((size_mb < max_mb)) || fail "$opt is $size_mb MB, over $max_mb MB"
if [[ $mode == machine ]]; then
    # Every library the bundle needs comes from the bundle or from a package the .deb depends on.
    missing="$(find "$opt" -name '*.so*' -type f -exec ldd {} + 2>/dev/null | grep 'not found' | sort -u || true)"
    [[ -z "$missing" ]] || fail "libraries not found after installing the Depends:"$'\n'"$missing"
fi

step "version"
[[ "$("$app" --version)" == "reviewapp $version" ]] || fail "installed --version says '$("$app" --version)'"

step "screenshot of the Foxconn article"
QT_QPA_PLATFORM=offscreen "$app" open "$draft" --db "$work/reviews.sqlite3" --screenshot "$work/window.png" \
    2> >(grep -v 'propagateSizeHints' >&2) || fail "the installed app did not save a screenshot"
"$dev_python" "$here/check_screenshot.py" "$work/window.png" || fail "the screenshot does not show the analysed draft"
if [[ -n "${REVIEWAPP_SMOKE_KEEP:-}" ]]; then cp "$work/window.png" "$REVIEWAPP_SMOKE_KEEP"; fi

step "a long draft, analysed in the app's worker processes"
for _ in $(seq 20); do cat "$draft"; echo; done >"$work/long.txt"
QT_QPA_PLATFORM=offscreen "$app" open "$work/long.txt" --db "$work/reviews.sqlite3" --screenshot "$work/long.png" \
    2>"$work/long.log" || fail "the installed app did not analyse a long draft: $(head -c 400 "$work/long.log")"
if grep -q "analysis processes unavailable" "$work/long.log"; then
    fail "the installed app could not start its analysis processes: $(grep -m1 unavailable "$work/long.log")"
fi
echo "analysed in worker processes"

step "check --format json: installed against development"
set +e
"$app" check --format json "$draft" >"$work/installed.json"
installed_status=$?
"$dev_python" -m reviewapp check --format json "$draft" >"$work/dev.json"
dev_status=$?
set -e
((installed_status == dev_status)) || fail "exit status $installed_status, development gives $dev_status"
cmp -s "$work/installed.json" "$work/dev.json" || {
    diff <("$dev_python" -m json.tool "$work/dev.json") <("$dev_python" -m json.tool "$work/installed.json") | head -20
    fail "the installed app's findings differ from the development install's"
}
echo "same $(grep -o '"rule"' "$work/dev.json" | wc -l) findings, exit status $dev_status"

step "a signed decision, and the record verified, by the installed command"
export REVIEWAPP_HOME="$work/home"  # its own signing key and anchors
"$app" signoff "$draft" --db "$work/reviews.sqlite3" --role editor --by "Smoke Test" --decision reject \
    --comment "smoke test" >"$work/signoff.log" 2>&1 || fail "the installed app could not sign: $(head -c 400 "$work/signoff.log")"
"$app" audit verify --db "$work/reviews.sqlite3" >"$work/verify.log" 2>&1 ||
    fail "the installed app's record does not verify: $(head -c 400 "$work/verify.log")"
cat "$work/verify.log"
unset REVIEWAPP_HOME

step "the installed app carries the review server's driver and the keyring"
set +e
"$app" status "$draft" --db postgresql://reviewer@127.0.0.1:1/news >"$work/server.log" 2>&1
"$app" db password postgresql://reviewer@127.0.0.1:1/news --forget >>"$work/server.log" 2>&1
set -e
if grep -q "installed without" "$work/server.log"; then fail "$(grep -m1 'installed without' "$work/server.log")"; fi
grep -q "cannot reach the review server" "$work/server.log" ||
    fail "the installed app did not try the server: $(head -c 400 "$work/server.log")"
echo "driver and keyring present"

step "a PDF report from the installed command"
"$app" report "$draft" --db "$work/reviews.sqlite3" -o "$work/report.pdf" 2>"$work/report.log" ||
    fail "the installed app wrote no PDF report: $(head -c 400 "$work/report.log")"
[[ $(head -c 5 "$work/report.pdf") == "%PDF-" ]] || fail "the installed app's report.pdf is not a PDF"
echo "$(cat "$work/report.log")"

step "grammar through a LanguageTool server: installed against development"
# The tests' LanguageTool stand-in on 127.0.0.1; it serves until its stdin closes.
coproc server { "$dev_python" "$root/tests/languagetool_server.py"; }
read -r url <&"${server[0]}"
printf '[grammar]\nmode = "server"\nserver_url = "%s"\n' "$url" >"$work/grammar.toml"
printf 'The team fixed teh bug before launch.\n' >"$work/typo.txt"
for who in installed dev; do
    cmd=("$app")
    [[ $who == dev ]] && cmd=("$dev_python" -m reviewapp)
    "${cmd[@]}" check --format json --policy "$work/grammar.toml" "$work/typo.txt" >"$work/$who-grammar.json" || true
done
exec {server[1]}>&-
"$dev_python" -c 'import json, sys
found = json.load(open(sys.argv[1], encoding="utf-8"))
sys.exit(not any(f["rule"] == "grammar.morfologik_rule_en_us" for d in found["documents"] for f in d["findings"]))' \
    "$work/installed-grammar.json" ||
    fail "the installed app found no spelling mistake through LanguageTool: $(head -c 400 "$work/installed-grammar.json")"
cmp -s "$work/installed-grammar.json" "$work/dev-grammar.json" ||
    fail "the installed app's grammar findings differ from the development install's"
echo "same grammar findings"

if [[ $mode == machine ]]; then
    step "uninstall"
    mapfile -t files < <(dpkg -L reviewapp | while read -r p; do [[ -d "$p" ]] || echo "$p"; done)
    dpkg -r reviewapp >/dev/null
    [[ ! -e /opt/reviewapp ]] || fail "/opt/reviewapp is left after removal"
    for f in "${files[@]}"; do [[ ! -e "$f" && ! -L "$f" ]] || fail "$f is left after removal"; done
    echo "removed ${#files[@]} files, nothing left"
fi
echo "smoke test passed ($mode)"
