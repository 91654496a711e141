"""drift.yml: its models (`drift.py`), where CloudTrail and IaC state come from (`cloudtrail.py`,
`state.py`), AWS access (`aws.py`), how problems are worded, the check window and ignore rules;
`model.py` is the base of our own files' models. Pure."""
