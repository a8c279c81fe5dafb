# man/nutgraf.3 is generated from include/nutgraf.h: it must be current
# (regenerate with `make man`).
t=$(mktemp); trap 'rm -f "$t"' EXIT
python3 tools/gen-man3.py include/nutgraf.h "$t" > /dev/null && cmp -s "$t" man/nutgraf.3
