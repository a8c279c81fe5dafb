# bench/serve_lib.sh - sourced by the server benchmarks (not run alone).
#
#   wait_listening LOG   waits until `nutgraf serve` (started by the caller,
#                        stderr to LOG) says where it listens, then sets
#                        BASE=http://127.0.0.1:PORT; gives up after 10 s.
wait_listening() {
  i=0
  until port=$(sed -n 's|^nutgraf: listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$1") && [ -n "$port" ]; do
    i=$((i + 1)); [ $i -lt 200 ] || { cat "$1"; exit 1; }
    sleep 0.05
  done
  BASE=http://127.0.0.1:$port
}
