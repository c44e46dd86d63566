-- Baseline: GET /profile on the bare Kestrel endpoint.
wrk.method = "GET"
wrk.path = "/profile"
