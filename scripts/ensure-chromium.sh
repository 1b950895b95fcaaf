#!/usr/bin/env bash
# Browser tests drive Debian's Chromium through playwright-core; never a downloaded browser.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "installing chromium from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ]
