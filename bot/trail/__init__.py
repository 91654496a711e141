"""CloudTrail records: the shapes they arrive in, what log paths say, which records are changes
and who made them, the detector, and Athena SQL. Pure."""
