-- Ticket issue: POST /api/v2/self-service-profiles/{id}/sso-ticket, cycling over the profiles.
-- Each thread appends the ticket secrets it receives to BENCH_TICKETS_OUT.<thread>, for the ticket-open scenario.
local token = os.getenv("BENCH_TOKEN")
local out = os.getenv("BENCH_TICKETS_OUT")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
local i = 0
local file = nil
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #ids + 1
  return wrk.format("POST", "/api/v2/self-service-profiles/" .. ids[i] .. "/sso-ticket", nil, '{"ttl_sec":3600}')
end
response = function(status, headers, body)
  if status == 201 and out then
    if file == nil then file = io.open(out .. "." .. tid, "a") end
    local secret = string.match(body, "ticket=(%w+)")
    if secret then file:write(secret, "\n") end
  end
end
