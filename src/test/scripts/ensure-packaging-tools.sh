#!/usr/bin/env bash
# The packaging tests validate docker/ with real tools that need no Docker engine: Debian's docker-compose
# (`config`) and shellcheck, and dockerfile-utils from npm (the linter behind the Docker language server;
# dockerfilelint is unmaintained and refuses HEALTHCHECK --start-period). Install them when missing, so that `./mvnw verify`
# needs nothing but a JDK (and the machine's Node.js for npm).
set -euo pipefail
tools_dir="${1:?where to install npm tools}"
dockerfile_utils_version=0.16.3

missing=()
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v shellcheck >/dev/null || missing+=(shellcheck)
if [ ${#missing[@]} -gt 0 ]; then
  echo "[kakehashi] Installing Debian's ${missing[*]} for the packaging tests (once) ..."
  "$(dirname "$0")/apt-install.sh" "${missing[@]}"
fi

if [ ! -x "$tools_dir/node_modules/.bin/dockerfile-utils" ]; then
  echo "[kakehashi] Installing dockerfile-utils $dockerfile_utils_version from npm into $tools_dir ..."
  mkdir -p "$tools_dir"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir" "dockerfile-utils@$dockerfile_utils_version" >/dev/null
fi
