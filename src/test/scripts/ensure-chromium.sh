#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Debian's ChromeDriver. Install them when missing,
# so that `./mvnw verify` needs nothing but a JDK; no tool ever downloads a browser of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "[kakehashi] Installing Debian's chromium and chromium-driver for the browser tests (once) ..."
"$(dirname "$0")/apt-install.sh" chromium chromium-driver
