#!/usr/bin/env bash
# Real-browser tests of Miroir (headless Debian Chromium + playwright-core +
# axe-core, node's test runner). The test file starts the server itself.
#
#   MIROIR_BIN     binary under test (default: ../../target/debug/miroir
#                  relative to this script), e.g. target/release/miroir in CI
#   CHROMIUM_PATH  browser (default: /usr/bin/chromium)
#
# Screenshots, the audit PDF and the server log land in target/screenshots/.
# Extra arguments go to `node --test` (e.g. --test-name-pattern=dashboard).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

export MIROIR_BIN="${MIROIR_BIN:-$here/../../target/debug/miroir}"
# A relative MIROIR_BIN is taken from where the script was called.
case "$MIROIR_BIN" in
  /*) ;;
  *) MIROIR_BIN="$OLDPWD/$MIROIR_BIN" ;;
esac
export MIROIR_BIN

if [ ! -x "$MIROIR_BIN" ]; then
  echo "run.sh: no executable Miroir binary at $MIROIR_BIN (build it, or set MIROIR_BIN)" >&2
  exit 2
fi
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "run.sh: no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium, or set CHROMIUM_PATH)" >&2
  exit 2
fi

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund
fi

exec node --test --test-concurrency=1 --test-reporter=spec "$@" ./*.test.mjs
