-- Ticket page, invalid link: a well-formed ticket that does not exist (hash + database look-up + 404 page render).
wrk.method = "GET"
wrk.path = "/self-service/connections-flow?ticket=ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
-- A browser's own navigation (fetch metadata): other GETs of a ticket URL get the scanner-safe continue page instead.
wrk.headers["Sec-Fetch-Mode"] = "navigate"
wrk.headers["Sec-Fetch-Dest"] = "document"
