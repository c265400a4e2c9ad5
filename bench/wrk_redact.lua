-- wrk script: POST 1 KB voice-agent transcript turns to /v1/redact.
-- Eight fictitious turns (555-01xx numbers, made-up SSNs and names) rotate;
-- requests are formatted once in init. done() prints one JSON line.
local turns = {}
local filler = " The agent confirms the appointment details, repeats the pharmacy hours, explains the" ..
  " co-pay for the follow-up visit, and asks whether the caller has any other questions about the" ..
  " referral, the lab order or the billing statement that arrived last week."
for i = 0, 7 do
  local text = string.format(
    "Agent: Thanks Dana, I have your date of birth as 03/%02d/1990 and your callback number as" ..
    " (415) 555-01%02d. Caller: Yes, and my SSN is 123-45-67%02d, email dana.fict%d@example.com." ..
    " Agent: Your member id is on file and the visit on 2026-11-%02d is confirmed.", i + 1, 30 + i,
    80 + i, i, 10 + i)
  while #text < 1000 do text = text .. filler end
  text = string.sub(text, 1, 1000)
  turns[#turns + 1] = '{"text":"' .. text .. '"}'
end

local requests = {}
init = function(args)
  for i, body in ipairs(turns) do
    requests[i] = wrk.format("POST", "/v1/redact",
                             {["Content-Type"] = "application/json"}, body)
  end
end

local n = 0
request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"requests_per_s":%.1f,"bytes_read":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, secs, summary.requests / secs, summary.bytes,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean))
end
