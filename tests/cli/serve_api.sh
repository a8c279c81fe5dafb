# serve: the JSON API end to end on a real libmicrohttpd and SQLite file:
# ingest (raw text and JSON), dedup, list, search, get, cached summaries,
# stateless summarize, health and metrics. An HTML page may be refused
# with a JSON 4xx while the HTML reader is not there, but must not crash.
. tests/cli/serve_common.shlib
start_server
S=samples/news

expect 200 GET /healthz
has '"status":"ok"'
echo "healthz ok"

n=0
for f in $S/*.txt; do
  expect 201 POST "/api/articles?source=$(basename "$f")" -H 'Content-Type: text/plain' --data-binary "@$f"
  has '"duplicate":false'
  n=$((n + 1))
done
echo "stored $n articles"

# The same bytes again: the same article (SHA-256 of the raw bytes).
first=$(ls $S/*.txt | head -n 1)
expect 200 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$first"
has '"duplicate":true'
has '"id":1,'
echo "duplicate detected"

# A JSON body with url and title hints.
expect 201 POST /api/articles -H 'Content-Type: application/json' \
  --data-binary '{"url":"https://example.test/news/1","title":"Hint title","text":"The council approved the new budget on Tuesday. Spending on schools rises by four percent. The mayor said the plan keeps taxes flat. Critics argue the road repairs are underfunded."}'
has '"url":"https://example.test/news/1"'
has '"source":"https://example.test/news/1"'
id=$(json_num id)
[ "$id" = 6 ] || fail "JSON article id $id, want 6"
echo "json article stored"

expect 200 GET /api/articles
has '"total":6'
expect 200 GET '/api/articles?per_page=2&page=2'
has '"page":2'
has '"per_page":2'
has '"id":4,'
lacks '"id":6,'
echo "list ok"

expect 200 GET '/api/articles?q=budget+schools'
has '"total":1'
has '"id":6,'
has '"snippet":'
expect 200 GET '/api/articles?q=%22OR%20*%20NEAR('
has '"total":0'
echo "search ok"

expect 200 GET /api/articles/6
has '"text":"The council approved the new budget on Tuesday.'
has '"words":'
echo "get ok"

expect 200 GET /api/articles/2/summary
has '"cached":false'
has '"sentences":null'
expect 200 GET /api/articles/2/summary
has '"cached":true'
expect 200 GET '/api/articles/2/summary?sentences=1'
has '"cached":false'
expect 200 GET '/api/articles/2/summary?words=40'
has '"sentences":null,"words":40'
has '"offset":'
echo "summaries ok"

expect 200 POST /api/summarize -H 'Content-Type: text/plain' --data-binary "@$S/$(ls $S | sed -n 3p)"
has '"summary":{"method":"default"'
expect 200 POST '/api/summarize?sentences=1' -H 'Content-Type: application/json' \
  --data-binary '{"text":"First point here. Second point there. Third point everywhere."}'
has '"sentences":[{"index":'
expect 200 GET /api/articles
has '"total":6'
echo "summarize ok (nothing stored)"

# HTML: stored (201) once the HTML reader lands; a JSON 4xx until then.
req POST /api/articles -H 'Content-Type: text/html' \
  --data-binary '<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Monday after storm repairs. Fishing boats returned within hours. Officials said the quay is safe.</p></article></body></html>'
case $CODE in
  201) has '"id":7,' ;;
  4??) case $BODY in '{"error":"'*) ;; *) fail "HTML refusal is not a JSON error" ;; esac ;;
  *) fail "HTML page: status $CODE" ;;
esac
echo "html page handled"

expect 200 GET /metrics
has 'nutgraf_http_requests_total{route="add",code="2xx"}'
has 'nutgraf_http_request_duration_seconds_bucket{route="summary",le="+Inf"}'
has 'nutgraf_summary_cache_hits_total 1'
has 'process_resident_memory_bytes'
case $BODY in *"nutgraf_articles 6"* | *"nutgraf_articles 7"*) ;; *) fail "nutgraf_articles";; esac
echo "metrics ok"
