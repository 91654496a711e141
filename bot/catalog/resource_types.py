"""RESOURCE_TYPES: the canonical resource types (CloudFormation names) and their ids. No I/O.

Every catalog speaks these names: CloudTrail rules map calls onto them and IaC backends map
their own type names onto them. Each type knows the form of its physical id (what CloudFormation
calls the physical id: a name, a server-made id, an ARN or a URL) and how to turn the other forms
AWS logs (usually ARNs) into it, so ids from CloudTrail and from state compare equal. The types
themselves are declared by their service's module in `services/`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from bot.catalog.arns import ARN_ID_RULES, Arn, ArnRule
from bot.registry import Registry

IdForm = Literal["id", "name", "arn", "url", "account"]


@dataclass(frozen=True)
class ResourceType:
    """One canonical resource type.

    Attributes:
        name: CloudFormation type name, e.g. `AWS::EC2::SecurityGroup`.
        id_form: what the physical id is: `id` (server-made, `sg-…`), `name`, `arn`, `url`
            (SQS queues) or `account` (account-level settings keyed by account id).
        arn_prefix: the start of the ARN's resource part before the id (`security-group/`,
            `function:`), used to turn ARNs into names/ids. Empty when the id is the whole part.
        is_global: IAM, CloudFront, Route 53…: one resource per account, not per region.
        cfn: False for the few types CloudFormation has no name for; we then use the
            `AWS::Service::Thing` form AWS Config and Cloud Control use, marked here.
        id_from_arn: how the id sits in the rest of an ARN (after `arn_prefix`) when it is not
            that rest as it is (Lambda qualifiers, SQS URLs); else the rule of the ARN's service
            in ARN_ID_RULES applies, if any.
        id_from_value: how a value that is not an ARN becomes the id, when it is not already
            the id (legacy SQS queue URLs, Route 53's `/hostedzone/Z…`).
    """

    name: str
    id_form: IdForm
    arn_prefix: str = ""
    is_global: bool = False
    cfn: bool = True
    id_from_arn: ArnRule | None = field(default=None, compare=False, repr=False)
    id_from_value: Callable[[str], str] | None = field(default=None, compare=False, repr=False)

    def normalize_id(self, value: str) -> str:
        """The physical id for `value`, which may be the id itself, an ARN or a URL."""
        value = value.strip()
        if self.id_form == "arn" or not value.startswith("arn:"):
            return self.id_from_value(value) if self.id_from_value else value
        return self._from_arn(value)

    def _from_arn(self, value: str) -> str:
        arn = Arn.parse(value)
        if arn is None:
            return value
        if self.arn_prefix:
            if not arn.resource.startswith(self.arn_prefix):
                return value  # an ARN of another kind of resource: leave it as it is
            arn = arn.after(self.arn_prefix)
        rule = self.id_from_arn or ARN_ID_RULES.find(arn.service)
        return rule(arn) if rule else arn.resource


RESOURCE_TYPES: Registry[ResourceType] = Registry("resource type")
