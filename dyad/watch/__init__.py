"""The monitor (`dyad watch`): poll feeds, sitemaps, pages and folders; ingest what is new; fire
the alert rules on it. fetch (bounded, conditional HTTP) -> listing (entries, ids, hashes) ->
poll (new items -> documents -> the ingest's writer) -> alerts (rules, shift) -> deliver (JSON
lines, webhooks); loop runs the polls, once or every N seconds until SIGTERM. docs/monitor.md."""
