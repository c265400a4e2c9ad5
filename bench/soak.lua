-- wrk script for bench/soak.sh: POST a rotating mix of fictitious PHI bodies
-- to /v1/redact (555-01xx numbers, made-up SSNs, names and e-mails): text of
-- 100 B to 8 KB (log lines, transcript turns), JSON payloads (format json and
-- auto, nested objects and arrays) and report-mode requests, so the allocator
-- sees many sizes. Requests are formatted once in init; done() prints one
-- JSON line (the same fields as wrk_redact.lua).
local filler = " The agent confirms the appointment details, repeats the pharmacy hours and" ..
  " explains the co-pay for the follow-up visit."

local function text_body(i, size)
  local parts = {}
  local n = 0
  local k = 0
  while n < size do
    local s
    if k % 4 == 0 then
      s = string.format("Agent: Thanks Dana, your callback number is (415) 555-01%02d.", (i + k) % 100)
    elseif k % 4 == 1 then
      s = string.format("Caller: my SSN is 123-45-67%02d and my e-mail dana.fict%d@example.com.",
                        (i + k) % 100, i)
    elseif k % 4 == 2 then
      s = string.format("2026-11-22T10:31:%02dZ INFO req=%d MRN: 00%06d DOB 03/%02d/1961",
                        k % 60, i * 100 + k, 123400 + i, (k % 28) + 1)
    else
      s = filler
    end
    parts[#parts + 1] = s
    n = n + #s + 2
    k = k + 1
  end
  return '{"text":"' .. table.concat(parts, "\\n") .. '"}'
end

local function json_body(i, items, format, mode)
  local rows = {}
  for k = 1, items do
    rows[#rows + 1] = string.format(
      '{"id":%d,"patient_ssn":"123-45-67%02d","callbackNumber":"415555%04d",' ..
      '"note":"Caller Dana Zyxwell asked about the visit on 2026-11-%02d, phone 415-555-01%02d",' ..
      '"tags":["follow-up","billing"],"ok":true,"n":%d}',
      k, (i + k) % 100, 100 + (i + k) % 100, (k % 28) + 1, (i + k) % 100, i * k)
  end
  local body = '{"payload":{"patient":{"name":"Dana Zyxwell","email":"dana.fict' .. i ..
    '@example.com","mobile":"(415) 555-0148"},"visits":[' .. table.concat(rows, ",") ..
    ']},"format":"' .. format .. '"'
  if mode then body = body .. ',"mode":"' .. mode .. '"' end
  return body .. "}"
end

local bodies = {}
local sizes = {100, 300, 1000, 2000, 500, 4000, 8000}
for i = 0, 13 do
  bodies[#bodies + 1] = text_body(i, sizes[(i % #sizes) + 1])
end
for i = 0, 5 do
  bodies[#bodies + 1] = json_body(i, 1 + i * 6, (i % 2 == 0) and "json" or "auto",
                                  (i == 3) and "report" or nil)
end
bodies[#bodies + 1] = text_body(99, 1000):gsub('}$', ',"mode":"report"}')

local requests = {}
init = function(args)
  for i, body in ipairs(bodies) do
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
