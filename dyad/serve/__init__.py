"""Edges: the command line, the HTTP API, the web dashboard."""
