#!/bin/sh
# Install the Yuku bundle from this folder for the current user (or system-wide with --system).
#   ./install.sh            -> ~/.local/opt/yuku, ~/.local/bin/yuku, menu entry and icon
#   sudo ./install.sh --system  -> /opt/yuku, /usr/local/bin/yuku, /usr/share/...
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--system" ]; then
    opt=/opt/yuku; bin=/usr/local/bin; share=/usr/share
else
    opt="$HOME/.local/opt/yuku"; bin="$HOME/.local/bin"; share="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
mkdir -p "$opt" "$bin" "$share/applications" "$share/icons/hicolor/scalable/apps" "$share/metainfo"
rm -rf "$opt"
cp -a "$here/yuku" "$opt"
ln -sf "$opt/yuku" "$bin/yuku"
cp "$here/io.github.yuku.Yuku.desktop" "$share/applications/"
cp "$here/io.github.yuku.Yuku.svg" "$share/icons/hicolor/scalable/apps/"
cp "$here/io.github.yuku.Yuku.metainfo.xml" "$share/metainfo/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$share/icons/hicolor" || true
echo "Yuku installed: run 'yuku' or find 语库 Yuku in the applications menu."
