"""The generic live comparison, pure: resource schemas (`schema.py`), Cloud Control identifiers
(`identifiers.py`), the Terraform ↔ CloudFormation mapping (`mapping.py`, `overrides.py`,
`tf_arguments.py`), value normalisation (`values.py`), the verdict (`verdict.py`) and what each
type can be confirmed for (`confirmable.py`). Its shell partners: `bot/shell/aws/schemas.py`
and `bot/shell/aws/cloudcontrol.py`."""
