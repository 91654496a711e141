"""Redis: the connection, findings store, job queue and the Slack app's state."""
