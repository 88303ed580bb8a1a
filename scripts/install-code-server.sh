#!/usr/bin/env bash
# Installs code-server 4.96.4 (VS Code 1.96.4 with a Node extension host) from npm into a git-ignored
# cache, so the VS Code tests run offline: only the npm registry is needed, no VS Code download.
# Idempotent: a completed install leaves a stamp file and later runs return immediately.
set -euo pipefail

VERSION=4.96.4
PROXY_AGENT_VERSION=0.27.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${CODE_SERVER_CACHE:-$ROOT/.vscode-test/code-server}"
STAMP="$CACHE/.installed-$VERSION"
BIN="$CACHE/node_modules/.bin/code-server"

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
# The kerberos native module of VS Code compiles against the krb5 headers.
[ -e /usr/include/gssapi/gssapi.h ] || [ -e /usr/include/krb5.h ] || missing+=(libkrb5-dev)
for tool in g++ make python3; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-code-server: missing system packages: ${missing[*]}" >&2
    echo "install them first, e.g.: apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 2
fi

if [ -f "$STAMP" ] && [ -x "$BIN" ]; then
    echo "code-server $VERSION already installed: $BIN"
    exit 0
fi

echo "installing code-server $VERSION into $CACHE"
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || npm init -y >/dev/null
# code-server's own postinstall would fetch a proxy-agent from GitHub; the steps below replace it.
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION"

VSCODE="$CACHE/node_modules/code-server/lib/vscode"
REGISTRY="$(npm config get registry)"
REGISTRY="${REGISTRY%/}"
node - "$VSCODE/npm-shrinkwrap.json" "$REGISTRY/@vscode/proxy-agent/-/proxy-agent-$PROXY_AGENT_VERSION.tgz" <<'NODE'
const fs = require('node:fs');
const [file, tarball] = process.argv.slice(2);
const shrinkwrap = JSON.parse(fs.readFileSync(file, 'utf8'));
const entry = shrinkwrap.packages['node_modules/@vscode/proxy-agent'];
if (!entry) throw new Error(`no @vscode/proxy-agent entry in ${file}`);
entry.resolved = tarball;
delete entry.integrity;
fs.writeFileSync(file, JSON.stringify(shrinkwrap, null, 2));
NODE

cd "$VSCODE"
# node-gyp would download Node headers; Debian's nodejs ships them under /usr/include/node.
NODEDIR="$(npm config get nodedir 2>/dev/null || true)"
if { [ -z "$NODEDIR" ] || [ "$NODEDIR" = undefined ] || [ "$NODEDIR" = null ]; } && [ -d /usr/include/node ]; then
    export npm_config_nodedir=/usr
fi
npm install --no-audit --no-fund --omit=dev --ignore-scripts
npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
# @vscode/ripgrep would download its binary at install time; use the system one.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)

cd "$CACHE"
npm rebuild argon2
"$BIN" --version >/dev/null
touch "$STAMP"
echo "code-server $VERSION installed: $BIN"
