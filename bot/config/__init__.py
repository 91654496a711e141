"""drift.yml: its models, the CloudTrail and state source models, how problems are worded, the
check window and ignore rules. Pure."""
