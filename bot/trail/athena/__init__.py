"""Athena over CloudTrail logs: the table's shape (`table.py`), its `CREATE EXTERNAL TABLE` with
partition projection (`ddl.py`), the query the `athena` source runs (`query.py`) and its result
rows turned back into CloudTrail records (`rows.py`). Pure."""
