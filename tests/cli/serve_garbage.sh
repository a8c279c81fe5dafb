# serve: 300 POSTs of pseudo-random bodies (a fixed awk seed, so the same
# bytes every run) as text, HTML, JSON and form data to every write or
# summarize endpoint. Each answer is a 2xx or a JSON 4xx error; never a
# 5xx, never a dropped connection; the server is still healthy after.
. tests/cli/serve_common.shlib
start_server --max-body 32k
gen() { # seed: a body mixing markup, JSON punctuation, UTF-8 and raw bytes
  awk -v seed="$1" 'BEGIN {
    srand(seed);
    split("< > / & ; \" { } [ ] : , \\\\ <p> </p> <script> <div> \\u0000 \\ud800 é 日本 . ! ? \n", tok, " ");
    n = int(rand() * 400);
    for (i = 0; i < n; i++) {
      r = rand();
      if (r < 0.45) printf "%s ", substr("the harbour council said on monday that boats returned", int(rand() * 40) + 1, int(rand() * 12) + 1);
      else if (r < 0.85) printf "%s", tok[int(rand() * 24) + 1];
      else printf "%c", int(rand() * 255) + 1;
    }
  }' > "$TMP/g"
}
paths="/api/articles /api/summarize /summarize"
types="text/plain text/html application/json application/x-www-form-urlencoded"
i=0 bad=0
while [ $i -lt 300 ]; do
  gen $i
  p=$(echo $paths | cut -d' ' -f$((i % 3 + 1)))
  t=$(echo $types | cut -d' ' -f$((i / 3 % 4 + 1)))
  req POST "$p" -H "Content-Type: $t" --data-binary "@$TMP/g"
  case $CODE in
    2??) ;;
    4??) case $p in
           /summarize) ;; # the web form answers with an HTML error page
           *) case $BODY in '{"error":"'*) ;; *) fail "$p $t seed $i: $CODE not a JSON error" ;; esac ;;
         esac ;;
    *) fail "$p $t seed $i: status $CODE" ;;
  esac
  i=$((i + 1))
done
expect 200 GET /healthz
expect 200 GET /metrics
has 'nutgraf_http_errors_total{class="5xx"} 0'
echo "300 garbage bodies answered"
