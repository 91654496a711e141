"""CloudHSM (v2) clusters; HSMs are members of their cluster."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

HSM = "cloudhsm.amazonaws.com"

CLUSTER = "AWS::CloudHSM::Cluster"

TYPES = (ResourceType(CLUSTER, "id", "cluster/", cfn=False),)

# cloud-custodian event-cloud-trail-hsm-create-cluster record; CloudHSM v2 API reference.
RULES = [
    on(HSM, "CreateCluster", CLUSTER, CREATE, "responseElements.cluster.clusterId"),
    on(
        HSM,
        ("ModifyCluster", "CreateHsm", "DeleteHsm"),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterId",
    ),
    on(HSM, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterId"),
]

SERVICE = Service(TYPES, RULES, models=("cloudhsmv2", "cloudhsm"))
