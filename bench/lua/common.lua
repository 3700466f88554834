-- Shared by every bench script (run.sh puts it in front of each): a seed
-- per thread and one machine-readable summary line at the end.
local threads = {}
function setup(thread)
   threads[#threads + 1] = thread
   thread:set("thread_no", #threads)
end

function seed()
   math.randomseed(os.time() * 31 + (thread_no or 0) * 7919)
end

-- Scripts that look at answers count 5xx in the global n5xx.
function done(summary, latency, requests)
   local e = summary.errors
   local n5xx = 0
   for _, t in ipairs(threads) do
      n5xx = n5xx + (t:get("n5xx") or 0)
   end
   io.write(string.format(
      "BENCH rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d sockerr=%d s5xx=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, summary.requests, e.status,
      e.connect + e.read + e.write + e.timeout, n5xx))
end
