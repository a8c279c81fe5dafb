-- wrk script: POST /api/summarize with the article in NG_BENCH_BODY
-- (stateless: extract + summarize + render on every request).
local f = assert(io.open(os.getenv("NG_BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.path = "/api/summarize"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = os.getenv("NG_BENCH_TYPE") or "text/plain"
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
