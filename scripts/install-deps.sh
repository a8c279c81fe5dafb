#!/bin/sh
# Installs what nutgraf needs from Debian's packages, and only what is
# missing (idempotent: on a machine that has everything it installs nothing
# and does not touch the network). Uses sudo when not root.
#
#   scripts/install-deps.sh          build + test dependencies
#   scripts/install-deps.sh --bench  also the peers the benchmarks compare with
set -eu

# One package per line: what it is for is in README.md ("Dependencies").
PKGS="
build-essential
pkg-config
clang
libclang-rt-14-dev
libmodest-dev
libutf8proc-dev
libstemmer-dev
libjansson-dev
libmicrohttpd-dev
libsqlite3-dev
nettle-dev
curl
chromium
sqlite3
zlib1g-dev
python3
time
wordnet-base
"
BENCH_PKGS="
ots
libots-dev
hyperfine
wrk
"

want=$PKGS
[ "${1:-}" = "--bench" ] && want="$PKGS $BENCH_PKGS"

missing=""
for p in $want; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done

# Node.js may come from elsewhere than Debian (npm is needed for the browser
# tests and the Readability peer): ask for the command, not the package.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -z "$missing" ]; then
  echo "install-deps: all Debian packages present"
  exit 0
fi

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
