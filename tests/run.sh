#!/bin/sh
# Runs every test and ends with one line "N passed, N failed, N skipped".
#   unit tests    build/<variant>/unit-tests
#   CLI tests     tests/cli/<case>.sh with <case>.exit, optional
#                 <case>.stdout.exact and <case>.stderr.glob
#   fuzz corpus   build/<variant>/fuzz-replay-<target> over fuzz/corpus/<target>/
# NG_BUILD names the build folder (the Makefile sets it).
set -u
B=${NG_BUILD:-build/release}
NUTGRAF=$(pwd)/$B/nutgraf
export NUTGRAF
passed=0 failed=0 skipped=0

echo "== unit tests"
out=$("$B/unit-tests" 2>&1); rc=$?
printf '%s\n' "$out" | grep -v '^unit: '
line=$(printf '%s\n' "$out" | grep '^unit: ' | tail -n 1)
if [ -n "$line" ]; then
  set -- $(printf '%s\n' "$line" | sed 's/[^0-9 ]//g')
  passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + $3))
else
  echo "  unit-tests crashed (exit $rc)"; failed=$((failed + 1))
fi

echo "== CLI tests"
tmp=$(mktemp -d)
for t in tests/cli/*.sh; do
  name=$(basename "$t" .sh)
  dir=$(dirname "$t")
  want_exit=$(cat "$dir/$name.exit" 2>/dev/null || echo 0)
  timeout 60 sh "$t" > "$tmp/out" 2> "$tmp/err"
  got=$?
  ok=1
  if [ "$got" != "$want_exit" ]; then ok=0; echo "  FAIL $name: exit $got, want $want_exit"; fi
  if [ -f "$dir/$name.stdout.exact" ] && ! cmp -s "$tmp/out" "$dir/$name.stdout.exact"; then
    ok=0; echo "  FAIL $name: stdout differs"; diff "$dir/$name.stdout.exact" "$tmp/out" | head -n 40
    head -c 2000 "$tmp/err"
  fi
  if [ -f "$dir/$name.stderr.glob" ]; then
    pat=$(cat "$dir/$name.stderr.glob")
    # shellcheck disable=SC2254
    case "$(cat "$tmp/err")" in
      $pat) ;;
      *) ok=0; echo "  FAIL $name: stderr '$(head -c 300 "$tmp/err")' does not match '$pat'";;
    esac
  fi
  if [ $ok = 1 ]; then passed=$((passed + 1)); echo "  ok $name"; else failed=$((failed + 1)); fi
done
rm -rf "$tmp"

echo "== fuzz corpus replay"
for r in "$B"/fuzz-replay-*; do
  [ -x "$r" ] || continue
  name=${r##*/fuzz-replay-}
  if "$r" "fuzz/corpus/$name"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  FAIL fuzz-replay-$name"; fi
done

echo "== browser test (web reader in chromium)"
# One test: tests/browser/reader.test.mjs. Needs node and Debian's chromium;
# playwright-core comes from tests/browser/package-lock.json (npm ci).
if ! command -v node > /dev/null 2>&1 || [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  echo "  skip reader: node or chromium missing (scripts/install-deps.sh installs them)"; skipped=$((skipped + 1))
else
  [ -d tests/browser/node_modules/playwright-core ] ||
    (cd tests/browser && npm ci --no-audit --no-fund > /dev/null 2>&1)
  if [ ! -d tests/browser/node_modules/playwright-core ]; then
    echo "  skip reader: 'npm ci' in tests/browser failed"; skipped=$((skipped + 1))
  elif out=$(NG_BUILD=$B timeout 180 node --test tests/browser/reader.test.mjs 2>&1); then
    passed=$((passed + 1)); echo "  ok reader (screenshot: build/artifacts/reader-summary.png)"
  else
    failed=$((failed + 1)); echo "  FAIL reader"; printf '%s\n' "$out" | grep -v '^# ' | tail -n 40 | sed 's/^/    /'
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
# `make test` adds up the suites it runs.
if [ -n "${NG_COUNTS:-}" ]; then echo "$passed $failed $skipped" >> "$NG_COUNTS"; fi
[ "$failed" = 0 ]
