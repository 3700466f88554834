-- Shared by every bench script (run.sh puts it in front of each): a seed
-- per thread and one machine-readable summary line at the end.
local threads_made = 0
function setup(thread)
   threads_made = threads_made + 1
   thread:set("thread_no", threads_made)
end

function seed()
   math.randomseed(os.time() * 31 + (thread_no or 0) * 7919)
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f requests=%d non2xx=%d sockerr=%d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, summary.requests, e.status,
      e.connect + e.read + e.write + e.timeout))
end
