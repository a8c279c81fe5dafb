#!/usr/bin/env python3
"""Runs the Open Text Summarizer CLI (`ots`, Debian package) on every article
of a JSON Lines set and writes {"id", "summary"} lines for `nutgraf eval
rouge`. Summary sentences are split one per line with the regular expression
the data README uses for the bbc/xsum Lead files (end punctuation, optional
closing quotes, space, capital or digit).

  bench/ots-summaries.py DEV.jsonl[.gz] OUT.jsonl [--ratio R] [--limit K]

For cnndm (lower-cased PTB tokens) output sentences end at a `.`/`!`/`?`
token instead.
"""
import gzip, json, re, subprocess, sys, tempfile, os

def main():
    args = sys.argv[1:]
    ratio, limit = None, None
    if '--ratio' in args:
        i = args.index('--ratio'); ratio = args[i + 1]; del args[i:i + 2]
    if '--limit' in args:
        i = args.index('--limit'); limit = int(args[i + 1]); del args[i:i + 2]
    src, out = args
    op = gzip.open if src.endswith('.gz') else open
    split = re.compile(r'(?<=[.!?])["\u201d\']?\s+(?=[A-Z0-9"\u201c])')
    if 'cnndm/' in src:  # lower-cased PTB tokens: a sentence ends at a . ! ? token
        split = re.compile(r'(?<= [.!?]) (?:(?:"|\'\'|\)|-rrb-) )?')
    n = 0
    with op(src, 'rt', encoding='utf-8') as f, open(out, 'w') as w, \
            tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as tmp:
        path = tmp.name
    try:
        with op(src, 'rt', encoding='utf-8') as f, open(out, 'w') as w:
            for line in f:
                d = json.loads(line)
                with open(path, 'w', encoding='utf-8') as t:
                    t.write(d.get('article') or d.get('text') or '')
                cmd = ['ots'] + (['--ratio=' + ratio] if ratio else []) + [path]
                r = subprocess.run(cmd, capture_output=True)
                text = r.stdout.decode('utf-8', 'replace')
                text = ' '.join(text.split())
                sents = [s.strip() for s in split.split(text) if s.strip()]
                w.write(json.dumps({'id': d['id'], 'summary': '\n'.join(sents)}) + '\n')
                n += 1
                if limit and n >= limit:
                    break
    finally:
        os.unlink(path)

if __name__ == '__main__':
    main()
