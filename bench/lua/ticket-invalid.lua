-- Ticket page, invalid link: a well-formed ticket that does not exist (hash + database look-up + 404 page render).
wrk.method = "GET"
wrk.path = "/self-service/connections-flow?ticket=ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"
