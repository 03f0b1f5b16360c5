#!/usr/bin/env bash
# Make Label Studio's own virtual environment (.venv-ls/) for the `studio` tests and the
# studio benchmark. Idempotent: does nothing when the server is already installed and works.
# The project's own venv keeps its label-studio-sdk 2.x; the server pins its SDK in here.
#
#   scripts/install-label-studio.sh            # creates ./.venv-ls (from the repo root)
#   LS_VENV=/opt/ls scripts/install-label-studio.sh
set -euo pipefail

LS_VERSION="${LS_VERSION:-1.23.2}"
cd "$(dirname "$0")/.."
VENV="${LS_VENV:-.venv-ls}"
PYTHON="${PYTHON:-python3}"

installed() {
    [ -x "$VENV/bin/label-studio" ] && [ -x "$VENV/bin/python" ] &&
        [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("label-studio"))' 2>/dev/null)" = "$LS_VERSION" ] &&
        "$VENV/bin/python" -c 'import label_studio, django' 2>/dev/null
}

if installed; then
    echo "Label Studio $LS_VERSION already installed in $VENV"
    exit 0
fi

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/pip" install --disable-pip-version-check "label-studio==$LS_VERSION"

if ! installed; then
    echo "Error: Label Studio $LS_VERSION did not install cleanly in $VENV; remove the folder and rerun" >&2
    exit 1
fi
echo "Label Studio $LS_VERSION installed in $VENV (server: $VENV/bin/label-studio)"
