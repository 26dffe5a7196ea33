#!/usr/bin/env bash
# Render an HTML page with headless Chromium into a PNG, to look at the article's layout.
#
#   scripts/screenshot.sh PAGE.html OUT.png [WIDTHxHEIGHT[+OFFSET]]
#
# Default 1200x2400; 390x2400 looks like a phone. +OFFSET shows the page from OFFSET px down (the page
# is framed in a wrapper that shifts it up), so a long article can be looked at window by window:
#   scripts/screenshot.sh out/index.html top.png; scripts/screenshot.sh out/index.html next.png 1200x2400+2400
#
# Uses Debian's `chromium` (or chromium-browser / google-chrome if that is what is installed).
# --no-sandbox is needed when running as root in a container; the page is opened as a file:// URL so
# relative figure paths resolve exactly as they do for a reader who opens the page from disk.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 PAGE.html OUT.png [WIDTHxHEIGHT[+OFFSET]]" >&2
  exit 2
fi
page=$1
out=$2
size=${3:-1200x2400}
if [[ ! -f $page ]]; then
  echo "$0: no such page: $page" >&2
  exit 1
fi
if [[ ! $size =~ ^([0-9]+)x([0-9]+)(\+([0-9]+))?$ ]]; then
  echo "$0: size must look like 1200x2400 or 1200x2400+2400, not '$size'" >&2
  exit 2
fi
width=${BASH_REMATCH[1]}
height=${BASH_REMATCH[2]}
offset=${BASH_REMATCH[4]:-0}

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
done
if [[ -z $browser ]]; then
  echo "$0: no Chromium found (apt-get install chromium)" >&2
  exit 1
fi

abs_page=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
mkdir -p "$(dirname "$out")"
abs_out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

url="file://$abs_page"
if (( offset > 0 )); then
  # The frame keeps the page's own width so its layout (breakpoints) is the same as without offset.
  cat >"$profile/frame.html" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;overflow:hidden}
iframe{position:absolute;left:0;top:-${offset}px;width:${width}px;height:$((offset + height))px;border:0}</style>
</head><body><iframe src="file://$abs_page"></iframe></body></html>
HTML
  url="file://$profile/frame.html"
fi

# Chromium prints harmless D-Bus and GPU warnings on stderr; keep them out of the way unless it fails.
if ! "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
     --user-data-dir="$profile" --force-device-scale-factor=1 \
     --screenshot="$abs_out" --window-size="$width,$height" \
     --allow-file-access-from-files "$url" 2>"$profile/stderr.log" >/dev/null; then
  cat "$profile/stderr.log" >&2
  exit 1
fi
if [[ ! -s $abs_out ]]; then
  echo "$0: Chromium wrote no screenshot" >&2
  cat "$profile/stderr.log" >&2
  exit 1
fi
echo "$abs_out"
