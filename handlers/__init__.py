"""Slack listeners (empty until the Slack app lands)."""
