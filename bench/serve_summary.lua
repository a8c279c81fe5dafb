-- wrk script: GET /api/articles/{id}/summary over ids 1..NG_BENCH_IDS
-- (cached summaries: the bench warms the cache first).
local n = tonumber(os.getenv("NG_BENCH_IDS") or "5")
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/articles/" .. (i % n + 1) .. "/summary")
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.0f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
