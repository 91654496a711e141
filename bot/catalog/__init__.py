"""The catalog: canonical resource types, CloudTrail rules and Terraform types. Pure data.

Each AWS service declares its facts in one module of `services/`; importing the package adds
every listed service to the registries (RESOURCE_TYPES, TRAIL_RULES, TF_TYPES, and ARN_KINDS,
ARN_ID_RULES, EC2_ID_PREFIXES in `arns.py`), once.
"""

from bot.catalog.service import add_services
from bot.catalog.services import SERVICES

add_services(SERVICES)
