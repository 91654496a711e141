"""The roots: the `drift` command line, the Slack app and the worker. The only places that
know everything and build the shell's objects."""
