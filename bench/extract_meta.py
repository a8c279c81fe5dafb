#!/usr/bin/env python3
"""extract_meta.py NUTGRAF [DATA] - metadata accuracy of `nutgraf extract
--json` on extraction-dev (make bench-extract). Gold: the title, author and
date that annotations.jsonl carries for some pages.

  title   correct when equal after white space and case folding
  author  correct when every gold author name occurs in the field
  date    correct when the field's YYYY-MM-DD equals the gold date
"""
import json
import os
import subprocess
import sys


def norm(s):
    return ' '.join((s or '').split()).lower()


def main():
    nutgraf = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    data = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, '..', '..', 'shared', 'data', 'extraction-dev')
    stats = {k: [0, 0, 0] for k in ('title', 'author', 'date')}
    with open(os.path.join(data, 'annotations.jsonl'), encoding='utf-8') as f:
        for line in f:
            r = json.loads(line)
            out = subprocess.run([nutgraf, 'extract', '--json',
                                  os.path.join(data, r['file'])],
                                 capture_output=True).stdout
            try:
                got = json.loads(out.decode('utf-8', 'replace'))
            except ValueError:
                got = {}
            for k, st in stats.items():
                gold = r.get(k)
                if gold is None:
                    continue
                st[0] += 1
                v = got.get(k)
                if not v:
                    continue
                st[1] += 1
                if k == 'date':
                    ok = v[:10] == gold
                elif k == 'author':
                    names = gold if isinstance(gold, list) else [gold]
                    ok = all(norm(x) in norm(v) for x in names)
                else:
                    ok = norm(v) == norm(gold)
                st[2] += ok
    print('| field | pages with gold | given | correct | of gold | of given |')
    print('|---|---|---|---|---|---|')
    for k, (n, given, ok) in stats.items():
        print(f'| {k} | {n} | {given} | {ok} | {ok / max(n, 1):.1%} | '
              f'{ok / max(given, 1):.1%} |')


if __name__ == '__main__':
    main()
