-- wrk script of `make db-throughput` (src/wrk/db-throughput.sh): GET wrk.path with a bearer token, the
-- requests of each connection cycling through the tokens of TOKENS_FILE (one a line, one session each), so
-- the figures are many callers' and not one cached row's. With INTROSPECTION_BASIC set (base64 of
-- client:secret), each request is instead a resource server's RFC 7662 introspection of that token: POST
-- wrk.path with the token in a form and the client's HTTP Basic credentials. done() prints one machine-readable line:
--   RESULT requests=<n> seconds=<s> p50_us=<µs> p99_us=<µs> errors=<non-2xx + socket errors>
-- (requests counts every answer, errors included; the service's 503s of its concurrency limit are errors)
local tokens = {}
local requests = {}
local next_request = 1

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if line ~= "" then tokens[#tokens + 1] = line end
  end
  local client = os.getenv("INTROSPECTION_BASIC")
  for i, token in ipairs(tokens) do
    if client and client ~= "" then
      requests[i] = wrk.format("POST", wrk.path, { ["Authorization"] = "Basic " .. client,
        ["Content-Type"] = "application/x-www-form-urlencoded" }, "token=" .. token)
    else
      requests[i] = wrk.format("GET", wrk.path, { ["Authorization"] = "Bearer " .. token })
    end
  end
  -- threads start at different tokens, so two threads do not walk the same sequence in step
  next_request = (math.random(1, #requests))
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_us=%d p99_us=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status))
end
