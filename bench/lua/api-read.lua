-- API read: GET /api/v2/self-service-profiles/{id} with a signed bearer token, cycling over the seeded profiles.
local token = os.getenv("BENCH_TOKEN")
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "[^,]+") do ids[#ids + 1] = id end
local i = 0
wrk.headers["Authorization"] = "Bearer " .. token
request = function()
  i = i % #ids + 1
  return wrk.format("GET", "/api/v2/self-service-profiles/" .. ids[i])
end
