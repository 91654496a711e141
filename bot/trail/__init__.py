"""CloudTrail records: the shapes they arrive in (`payload.py`), what log paths say (`paths.py`),
their fields read as values (`fields.py`), which records are changes (`filter.py`), who made them
(`attribution.py`), and Athena over the logs (`athena/`). Pure."""
