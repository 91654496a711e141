"""The catalog: canonical resource types, CloudTrail rules and Terraform types. Pure data.

Each AWS service declares its facts in one module of `services/`; the package adds every
listed service to the registries (RESOURCE_TYPES, TRAIL_RULES, TF_TYPES, OPERATIONAL_CALLS, and
ARN_KINDS, ARN_ID_RULES, EC2_ID_PREFIXES in `arns.py`), once, just before the first lookup in
any of them: importing the 114 service modules and building the tables is a tenth of a
`drift check`'s start-up, and a check of an empty window never looks anything up.
"""

from bot.catalog.arns import ARN_ID_RULES, ARN_KINDS, EC2_ID_PREFIXES
from bot.catalog.operational import OPERATIONAL_CALLS
from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import TRAIL_RULES
from bot.catalog.service import add_services
from bot.catalog.terraform_types import TF_TYPES

_TABLES = (
    RESOURCE_TYPES,
    ARN_KINDS,
    ARN_ID_RULES,
    EC2_ID_PREFIXES,
    TF_TYPES,
    OPERATIONAL_CALLS,
    TRAIL_RULES,
)


_adding: list[bool] = []


def _add_every_service() -> None:
    """Fill every table (under the registry's lock); the tables are marked filled only once
    all are, so no other thread reads one half made."""
    if _adding:  # a lookup made while adding, in this thread
        return
    _adding.append(True)
    try:
        from bot.catalog.services import SERVICES

        add_services(SERVICES)
    finally:
        _adding.clear()
    for table in _TABLES:
        table.fill_with(None)


for _table in _TABLES:
    _table.fill_with(_add_every_service)
