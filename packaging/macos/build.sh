#!/bin/sh
# Build dist/Yuku.app and a .dmg on macOS (see README.md in this folder).
set -eu
cd "$(dirname "$0")/../.."
python3 -m venv .venv
.venv/bin/pip install -q -e '.[package]'
.venv/bin/python -m editor.build_translations
.venv/bin/python packaging/render_icons.py --icns
.venv/bin/pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/yuku.spec
dist/Yuku.app/Contents/MacOS/yuku --self-test
version=$(.venv/bin/python -c 'import editor; print(editor.__version__)')
hdiutil create -volname Yuku -srcfolder dist/Yuku.app -ov -format UDZO "dist/yuku-$version-macos.dmg"
echo "dist/yuku-$version-macos.dmg"
