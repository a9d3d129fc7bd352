#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Debian's ChromeDriver. Install them when missing,
# so that `./mvnw verify` needs nothing but a JDK; no tool ever downloads a browser of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
echo "[kakehashi] Installing Debian's chromium and chromium-driver for the browser tests (once) ..."
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver
