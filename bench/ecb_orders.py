#!/usr/bin/env python3
"""bench/ecb_orders.py NUTGRAF DATA - ECB+ dev grouped in two other
arrival orders, to see how much the file's order helps (not a test).

The dev file lists each topic's articles interleaved (1_10ecb,
1_10ecbplus, 1_11ecb, ...), so both events of a topic grow side by side.
A real stream brings one event and then, months or years later, the
other of its kind. Two reorderings, written to a temporary directory
(not kept):
  time: topic by topic, each topic's first event ("ecb" articles) and
        then its second ("ecbplus");
  era:  every topic's first event, then every topic's second event.
"""
import json
import os
import re
import subprocess
import sys
import tempfile


def key(row):
    topic, rest = row["id"].split("_", 1)
    m = re.match(r"(\d+)(ecbplus|ecb)$", rest)
    return int(topic), m.group(2) == "ecbplus", int(m.group(1))


def main():
    nutgraf = sys.argv[1]
    data = sys.argv[2] if len(sys.argv) > 2 else "../shared/data"
    path = os.path.join(data, "ecbplus", "dev.jsonl")
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    rows = [(key(json.loads(line)), line) for line in lines]
    orders = {
        "time": sorted(rows, key=lambda r: r[0]),
        "era": sorted(rows, key=lambda r: (r[0][1], r[0][0], r[0][2])),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, rs in orders.items():
            out = os.path.join(tmp, name + ".jsonl")
            with open(out, "w", encoding="utf-8") as f:
                f.writelines(line for _, line in rs)
            res = subprocess.run([nutgraf, "stories", "-q", "--eval", out],
                                 capture_output=True, text=True, check=True)
            story = [x for x in res.stdout.splitlines() if x.startswith("story")]
            print(f"{name:5s} {story[0] if story else res.stdout.strip()}")


if __name__ == "__main__":
    main()
