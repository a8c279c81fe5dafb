# serve: a stored article's summary and its story's digest quote the
# stored text: the raw bytes are read again as they were read when stored
# (their stored kind), never sniffed again. An HTML fragment sent as
# text/html keeps no markup; a text/plain article that starts with
# "<html>" stays text.
. tests/cli/serve_common.shlib
start_server
# verbatim ID: every summary sentence of article ID (API and reader page)
# and every sentence its story's digest takes from it is in its stored
# text.
verbatim() {
  expect 200 GET "/api/articles/$1"
  cp "$TMP/body" "$TMP/article"
  expect 200 GET "/api/articles/$1/summary"
  cp "$TMP/body" "$TMP/summary"
  expect 200 GET "/a/$1?summary=1"
  cp "$TMP/body" "$TMP/page"
  i=0
  while :; do
    req GET "/api/stories/$1"
    [ "$CODE" = 200 ] && break
    [ "$CODE" = 503 ] || fail "/api/stories/$1: $CODE"
    i=$((i + 1)); [ $i -lt 200 ] || fail "the stories were never read"
    sleep 0.05
  done
  cp "$TMP/body" "$TMP/story"
  python3 - "$TMP" "$1" <<'PY' || fail "article $1: not verbatim"
import html, json, re, sys
d = sys.argv[1]
text = json.load(open(d + "/article"))["text"]
said = [s["text"] for s in json.load(open(d + "/summary"))["summary"]["sentences"]]
said += [s["text"] for s in json.load(open(d + "/story"))["digest"]
         if s["article"] == int(sys.argv[2])]
page = open(d + "/page").read()
box = page[page.index('<section id="summary"'):page.index("</section>")]
said += [html.unescape(s) for s in re.findall(r"<li>(.*?)</li>", box)]
assert said, "no sentences"
for s in said:
    if s not in text:
        sys.exit("not in the stored text: %r" % s)
PY
}

expect 201 POST /api/articles -H 'Content-Type: text/html' --data-binary \
  'The mayor opened the new <b>recycling</b> programme on Monday in the town hall. Residents can now leave glass and paper at twelve new depots. The council expects the <i>programme</i> to halve landfill waste by next year.'
has '"input":"html"'
id=$(json_num id)
verbatim "$id"
lacks '&lt;b&gt;'
echo "html fragment: summary and digest without markup"

expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary \
  '<html> tags explained: a guide for new web writers. Every page starts with an html element that holds the head and the body. The head carries the title and the character set. The body holds what the reader sees, from headings to paragraphs.'
has '"input":"text"'
id=$(json_num id)
verbatim "$id"
echo "text starting with <html>: summary quotes it"
