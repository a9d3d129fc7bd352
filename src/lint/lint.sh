#!/usr/bin/env bash
# Lints the OpenAPI document the build generated: any error of Redocly's recommended rules or of Spectral's OAS
# and OWASP rules (.spectral.yaml says which are turned off, and why) fails the build; warnings are reported.
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
status=0
"$bin/spectral" lint --ruleset "$work/.spectral.yaml" --format=text --quiet --fail-severity=error "$document" > "$work/spectral.txt" || status=$?
echo "Spectral (spectral:oas + OWASP): $(grep -c ' error ' "$work/spectral.txt" || true) errors, $(grep -c ' warning ' "$work/spectral.txt" || true) warnings (target/openapi-lint/spectral.txt)"
if [ "$status" -ne 0 ]; then
  grep ' error ' "$work/spectral.txt" >&2 || cat "$work/spectral.txt" >&2
  exit "$status"
fi
