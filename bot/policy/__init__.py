"""Runbooks: their models and parsing, matching and ignore policies, Athena parameters. Pure."""
