"""The catalog: canonical resource types, CloudTrail rules and Terraform types. Pure data.

Importing the package fills every registry from `services/` (one module per AWS service)."""

from bot.catalog import services  # noqa: F401  (fills the registries)
