"""Codify: the Terraform `import` block (Terraform 1.5+) that brings an unmanaged resource under
management, with a suggested address and the import id the AWS provider documents for its type
(import_ids.py). Pure.

    import {
      to = aws_s3_bucket.demo_scratch_export
      id = "demo-scratch-export"
    }

The Terraform type is the catalog's for the resource's canonical type (the one that manages the
whole resource, not a child such as a rule or an attachment; PREFERRED picks among several).
The address's name comes from the resource's id (its last segment, lower-cased, `_` for
anything else). A file per finding, named after the finding, holds the block; `terraform plan
-generate-config-out=generated.tf` writes the matching `resource` block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.catalog.terraform_types import TF_TYPES
from bot.iac.import_ids import IMPORT_IDS, ImportId, ImportTarget
from bot.messages import codify as say

# Where a canonical type has several whole-resource Terraform types, the one to suggest.
PREFERRED: dict[str, str] = {
    "AWS::Backup::BackupVault": "aws_backup_vault",
    "AWS::Config::OrganizationConfigRule": "aws_config_organization_managed_rule",
    "AWS::DataSync::Location": "aws_datasync_location_s3",
    "AWS::DirectConnect::VirtualInterface": "aws_dx_private_virtual_interface",
    "AWS::EC2::CapacityReservation": "aws_ec2_capacity_reservation",
    "AWS::EC2::EBSEncryptionByDefault": "aws_ebs_encryption_by_default",
    "AWS::EC2::Image": "aws_ami",
    "AWS::EC2::Instance": "aws_instance",
    "AWS::EC2::NetworkAcl": "aws_network_acl",
    "AWS::EC2::RouteTable": "aws_route_table",
    "AWS::EC2::SecurityGroup": "aws_security_group",
    "AWS::EC2::Snapshot": "aws_ebs_snapshot",
    "AWS::EC2::Subnet": "aws_subnet",
    "AWS::EC2::TransitGatewayAttachment": "aws_ec2_transit_gateway_vpc_attachment",
    "AWS::EC2::VPC": "aws_vpc",
    "AWS::ElasticLoadBalancingV2::Listener": "aws_lb_listener",
    "AWS::ElasticLoadBalancingV2::ListenerRule": "aws_lb_listener_rule",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": "aws_lb",
    "AWS::ElasticLoadBalancingV2::TargetGroup": "aws_lb_target_group",
    "AWS::GlobalAccelerator::EndpointGroup": "aws_globalaccelerator_endpoint_group",
    "AWS::GlobalAccelerator::Listener": "aws_globalaccelerator_listener",
    "AWS::KMS::Key": "aws_kms_key",
    "AWS::KinesisAnalyticsV2::Application": "aws_kinesisanalyticsv2_application",
    "AWS::RDS::DBInstance": "aws_db_instance",
    "AWS::SES::ConfigurationSet": "aws_sesv2_configuration_set",
    "AWS::SES::EmailIdentity": "aws_sesv2_email_identity",
    "AWS::ServiceDiscovery::Service": "aws_service_discovery_service",
}
_NOT_NAME = re.compile(r"[^a-z0-9_]+")
MAX_NAME = 60


def terraform_type(resource_type: str) -> str | None:
    """The Terraform type that manages a whole `resource_type`, or None when the catalog has
    none."""
    if resource_type in PREFERRED:
        return PREFERRED[resource_type]
    for name, tf in TF_TYPES:
        if tf.resource_type == resource_type and not tf.child:
            return name
    return None


def resource_name(resource_id: str) -> str:
    """A Terraform resource name from a physical id: its last `/` or `:` segment, lower-cased,
    runs of anything but letters, digits and `_` as one `_`; never empty, never starting with
    a digit."""
    last = [p for p in re.split(r"[/:]", resource_id) if p]
    base = last[-1] if last else resource_id
    name = _NOT_NAME.sub("_", base.lower()).strip("_")[:MAX_NAME].strip("_")
    if not name:
        return "imported"
    return f"r_{name}" if name[0].isdigit() else name


def hcl_string(value: str) -> str:
    """`value` as an HCL quoted string: `"`, `\\` escaped and `${`/`%{` templates made literal."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("${", "$${").replace("%{", "%%{") + '"'


@dataclass(frozen=True)
class ImportSuggestion:
    """The import block suggested for one resource."""

    tf_type: str
    address: str
    import_id: ImportId

    @property
    def hcl(self) -> str:
        """The `import {}` block, with a comment naming the parts to fill in, if any."""
        lines = []
        if not self.import_id.exact:
            lines.append("# " + say.fill_in(self.import_id.placeholders))
        lines += [
            "import {",
            f"  to = {self.address}",
            f"  id = {hcl_string(self.import_id.value)}",
            "}",
        ]
        return "\n".join(lines) + "\n"


def suggest_import(
    resource_type: str, resource_id: str, account_id: str, region: str
) -> ImportSuggestion | None:
    """The import block for a resource, or None when its type has no Terraform type or the
    provider cannot import it."""
    tf_type = terraform_type(resource_type)
    if tf_type is None:
        return None
    build = IMPORT_IDS.get(tf_type)
    if build is None:
        return None
    import_id = build(ImportTarget(resource_id, account_id, region))
    return ImportSuggestion(tf_type, f"{tf_type}.{resource_name(resource_id)}", import_id)


def import_file(suggestion: ImportSuggestion, header: str) -> str:
    """The content of the file a codify pull request adds: `header` (comment lines saying who
    made the resource, when and why) and the import block."""
    comments = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comments + "\n" + suggestion.hcl


def import_file_path(folder: str, finding_id: str) -> str:
    """The path of a finding's import file in the repository: `imports/f-3a9c….tf`."""
    return f"{folder}{finding_id}.tf"
