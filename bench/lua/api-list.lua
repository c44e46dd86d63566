-- API list: GET /api/v2/self-service-profiles?include_totals=true over the seeded profiles.
wrk.method = "GET"
wrk.path = "/api/v2/self-service-profiles?include_totals=true"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
