#!/usr/bin/env python3
"""Why one ranker cannot meet both the cnndm and the bbc targets of issue 5.

For every article of a summarization set, scores all sentences with the
default ranker and with TextRank (`nutgraf summarize --json -r 1`), then
scores three-sentence summaries picked by blends of the two rankings
(alpha x z-scored default + (1 - alpha) x z-scored TextRank) and by "the
first sentence, then TextRank's best two", with `nutgraf eval rouge`.

    python3 bench/blend_frontier.py build/release/nutgraf ../shared/data bbc
    python3 bench/blend_frontier.py build/release/nutgraf ../shared/data cnndm

Prints ROUGE-1 / 2 / Lsum F (cnndm: weighted 0.0951 CNN + 0.9049 DM).
Takes about 30 s per set (one process per article and ranker).
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

SETS = {
    "bbc": "bbc_news_summary/dev.jsonl",
    "cnndm": "cnndm/dev.jsonl.gz",
    "cnndm_raw": "cnndm_raw/dev.jsonl",
}


def read_jsonl(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def rank_all(ng, item):
    """{method: {sentence index: (score, text)}} over every sentence."""
    title = item.get("title")
    text = (title + "\n\n" if title else "") + item["article"]
    out = {}
    for m in ("default", "textrank"):
        r = subprocess.run([ng, "summarize", "--json", "-l", "en", "-m", m,
                            "-r", "1", "-"], input=text.encode(),
                           capture_output=True, check=False)
        sents = json.loads(r.stdout)["sentences"] if r.returncode == 0 else []
        out[m] = {s["index"]: (s["score"], s["text"]) for s in sents}
    return out


def zscores(sc):
    v = [x[0] for x in sc.values()]
    if not v:
        return {}
    mu = sum(v) / len(v)
    sd = (sum((x - mu) ** 2 for x in v) / len(v)) ** 0.5 or 1.0
    return {k: (x[0] - mu) / sd for k, x in sc.items()}


def blend(alpha):
    def pick(r):
        zd, zt = zscores(r["default"]), zscores(r["textrank"])
        keys = set(zd) | set(zt)
        s = {k: alpha * zd.get(k, -3.0) + (1 - alpha) * zt.get(k, -3.0)
             for k in keys}
        return sorted(keys, key=lambda k: (-s[k], k))[:3]
    return pick


def lead1_textrank2(r):
    t = r["textrank"]
    pick = [min(r["default"])] if r["default"] else []
    for k in sorted(t, key=lambda k: (-t[k][0], k)):
        if len(pick) == 3:
            break
        if k not in pick:
            pick.append(k)
    return pick


def score(ng, refs, ids, ranked, pick):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for i, r in zip(ids, ranked):
            sents = []
            for k in sorted(pick(r)):
                s = r["default"].get(k) or r["textrank"].get(k)
                sents.append(s[1].replace("\n", " "))
            f.write(json.dumps({"id": i, "summary": "\n".join(sents)}) + "\n")
        name = f.name
    o = subprocess.run([ng, "eval", "rouge", "--refs", refs, "--system", name,
                        "--tsv"], capture_output=True, text=True, check=True)
    os.unlink(name)
    got = {}
    for line in o.stdout.splitlines():
        metric, value = line.split("\t")[2], line.split("\t")[3]
        got[metric] = value
    pre = "weighted." if "weighted.rouge1_f" in got else ""
    return " / ".join(got[pre + m] for m in ("rouge1_f", "rouge2_f", "rougeLsum_f"))


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in SETS:
        sys.exit("usage: blend_frontier.py NUTGRAF DATA_DIR bbc|cnndm|cnndm_raw")
    ng, data, name = sys.argv[1], sys.argv[2], sys.argv[3]
    refs = os.path.join(data, SETS[name])
    items = list(read_jsonl(refs))
    ids = [it["id"] for it in items]
    ranked = [rank_all(ng, it) for it in items]
    print(f"{name}, {len(items)} articles, 3 sentences: R-1 / R-2 / R-Lsum F")
    print(f"  first sentence + TextRank's best two: {score(ng, refs, ids, ranked, lead1_textrank2)}")
    for a in (0.0, 0.2, 0.4, 0.6, 0.8, 1.0):
        print(f"  blend alpha {a:.1f} (1 = default, 0 = TextRank): {score(ng, refs, ids, ranked, blend(a))}")


if __name__ == "__main__":
    main()
