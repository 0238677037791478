#!/bin/sh
# Regenerate docs/screenshot.png (zh_CN) and docs/screenshot-en.png (English) from the real window.
# Starts its own Xvfb (needs xvfb; `make screenshot` runs this); with DISPLAY set and
# USE_DISPLAY=1 it uses that display instead.
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
if [ "${USE_DISPLAY:-0}" != 1 ]; then
    num=${SCREENSHOT_DISPLAY:-97}
    Xvfb ":$num" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    trap 'kill $xvfb 2>/dev/null || true' EXIT INT TERM
    export DISPLAY=":$num"
    sleep 1
fi
home=$(mktemp -d)
for spec in "zh_CN docs/screenshot.png" "en docs/screenshot-en.png"; do
    set -- $spec
    LANG=zh_CN.UTF-8 QT_QPA_PLATFORM=xcb YUKU_HOME="$home" "$PY" scripts/screenshot.py "$1" "$2"
done
rm -rf "$home"
