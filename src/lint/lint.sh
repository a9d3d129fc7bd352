#!/usr/bin/env bash
# Lints the OpenAPI document the build generated: Redocly's recommended rules must pass (any error fails the
# build); Spectral's OAS and OWASP rules are reported (they gate the build once the document is at zero, issue 13).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
document="$1"
work="$2"
mkdir -p "$work"
if ! command -v npm >/dev/null; then
  # A machine with a JDK only: Debian's Node.js and npm
  bash "$here/../test/scripts/apt-install.sh" nodejs npm
fi
cp "$here/package.json" "$here/package-lock.json" "$here/.spectral.yaml" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
bin="$work/node_modules/.bin"
"$bin/redocly" lint --config "$here/redocly.yaml" --format=summary "$document"
"$bin/spectral" lint --ruleset "$work/.spectral.yaml" --format=text --quiet "$document" > "$work/spectral.txt" || true
echo "Spectral (spectral:oas + OWASP): $(grep -c ' error ' "$work/spectral.txt" || true) errors, $(grep -c ' warning ' "$work/spectral.txt" || true) warnings (target/openapi-lint/spectral.txt)"
