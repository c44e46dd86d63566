-- Ticket page, first open of a valid ticket: GET the ticket URL (302 + session cookie), then GET the setup page
-- it redirects to with that cookie (the server-side render). Tickets come from BENCH_TICKETS_IN, split by thread;
-- a thread that runs out starts again at its first ticket (a ticket opens up to 10 times) and counts the reopen.
local counter = 0
local threads = {}
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  threads[#threads + 1] = thread
end
local tickets = nil
local next_ticket = 0
local cookies = {}
local reopened = 0
local function load()
  tickets = {}
  local n = tonumber(os.getenv("BENCH_THREADS") or "1")
  local k = 0
  for line in io.lines(os.getenv("BENCH_TICKETS_IN")) do
    k = k + 1
    if (k % n) == (tid - 1) then tickets[#tickets + 1] = line end
  end
end
request = function()
  if tickets == nil then load() end
  local cookie = table.remove(cookies)
  if cookie then
    return wrk.format("GET", "/self-service/setup", { ["Cookie"] = cookie })
  end
  next_ticket = next_ticket + 1
  if next_ticket > #tickets then next_ticket = 1; reopened = reopened + 1 end
  -- A browser's own navigation (fetch metadata): other GETs of a ticket URL do not open it (mail scanners).
  return wrk.format("GET", "/self-service/connections-flow?ticket=" .. tickets[next_ticket],
    { ["Sec-Fetch-Mode"] = "navigate", ["Sec-Fetch-Dest"] = "document" })
end
response = function(status, headers, body)
  local set = headers["Set-Cookie"]
  if status == 302 and set then
    cookies[#cookies + 1] = string.match(set, "^[^;]+")
  end
end
function bench_extra()
  local wraps = 0
  for _, t in ipairs(threads) do wraps = wraps + (t:get("reopened") or 0) end
  return string.format('BENCH_EXTRA {"wraps":%d}\n', wraps)
end
