#!/usr/bin/env bash
# The README's screenshot of `nbrun preview` while a model trains: the small test notebook is
# served, then its epochs are raised so the page shows the step panel with live epoch lines and
# the loss figure redrawn after each epoch; headless Chromium, driven through its DevTools
# protocol (scripts/preview-screenshot.mjs, Node >= 20), captures the page.
#   scripts/preview-screenshot.sh [NBRUN_BINARY] [OUTPUT.png]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NBRUN="$(realpath "${1:-$ROOT/.build/debug/nbrun}")"
OUTPUT="$(realpath -m "${2:-$ROOT/docs/preview-training.png}")"
WORK="$(mktemp -d)"
cleanup() {
    [ -n "${BROWSER:-}" ] && kill "$BROWSER" 2>/dev/null || true
    [ -n "${SERVER:-}" ] && kill -INT "$SERVER" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
cp "$ROOT/Tests/Fixtures/notebooks/small.md" "$WORK/small.md"
cd "$WORK"
NBRUN_CACHE="$WORK/cache" NBRUN_THREADS=1 "$NBRUN" preview small.md --port 0 \
    --set "fixtures=$ROOT/Tests/Fixtures/mnist-small" 2>"$WORK/server.log" &
SERVER=$!
for _ in $(seq 1 600); do
    grep -q "\[6/6\] write lock" "$WORK/server.log" 2>/dev/null && break
    sleep 0.2
done
URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/server.log" | head -1)"
[ -n "$URL" ] || { cat "$WORK/server.log"; echo "preview did not start" >&2; exit 1; }
chromium --headless --no-sandbox --disable-gpu --no-first-run --no-default-browser-check \
    --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$WORK/profile" \
    --remote-debugging-port=0 --remote-allow-origins='*' --window-size=900,1000 "$URL" 2>/dev/null &
BROWSER=$!
node --experimental-websocket --no-warnings "$ROOT/scripts/preview-screenshot.mjs" \
    "$WORK/profile" "$URL" "$WORK/small.md" "$OUTPUT"
