"""EKS: clusters, managed node groups, add-ons, Fargate profiles, access entries, pod identity.

Node groups, add-ons and the other cluster children are keyed by ARN. AWS logs that ARN in the
response of their Create/Delete (and UpdateAccessEntry) calls, but UpdateNodegroupConfig,
UpdateNodegroupVersion and UpdateAddon answer with an `update` object only; for those we emit
CloudFormation's Ref form `<cluster>/<name>`, the only id the record holds.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

EKS = "eks.amazonaws.com"

CLUSTER = "AWS::EKS::Cluster"
NODEGROUP = "AWS::EKS::Nodegroup"
ADDON = "AWS::EKS::Addon"
FARGATE = "AWS::EKS::FargateProfile"
POD_ID = "AWS::EKS::PodIdentityAssociation"


def _without_uuid(arn: Arn) -> str:
    """Node groups, add-ons and Fargate profiles are `CLUSTER/NAME`, as CloudFormation names
    them; their ARNs (`nodegroup/CLUSTER/NAME/UUID`) are turned into that, so create and update
    calls agree."""
    resource = arn.resource
    return resource.rsplit("/", 1)[0] if resource.count("/") == 2 else resource


TYPES = (
    ResourceType(CLUSTER, "name", "cluster/"),
    ResourceType(NODEGROUP, "name", "nodegroup/"),
    ResourceType(ADDON, "name", "addon/"),
    ResourceType(FARGATE, "name", "fargateprofile/"),
    ResourceType(POD_ID, "arn"),
)
ARN_KINDS = {
    ("eks", "cluster"): CLUSTER,
    ("eks", "nodegroup"): NODEGROUP,
    ("eks", "addon"): ADDON,
    ("eks", "fargateprofile"): FARGATE,
}

ASSOCIATION_ARN = "responseElements.association.associationArn"

# Clusters (EKS API reference; CreateCluster response `cluster.arn` as in the aws-samples
# auto-tagger). Cluster calls name it `name`; the encryption call names it `clusterName`.
RULES = [
    on(
        EKS,
        "CreateCluster",
        CLUSTER,
        CREATE,
        "requestParameters.name || responseElements.cluster.name",
    ),
    on(
        EKS,
        ("UpdateClusterConfig", "UpdateClusterVersion"),
        CLUSTER,
        UPDATE,
        "requestParameters.name",
    ),
    on(EKS, "AssociateEncryptionConfig", CLUSTER, UPDATE, "requestParameters.clusterName"),
    on(EKS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.name"),
    # Managed node groups.
    on(EKS, "CreateNodegroup", NODEGROUP, CREATE, "responseElements.nodegroup.nodegroupArn"),
    on(EKS, "DeleteNodegroup", NODEGROUP, DELETE, "responseElements.nodegroup.nodegroupArn"),
    on(
        EKS,
        ("UpdateNodegroupConfig", "UpdateNodegroupVersion"),
        NODEGROUP,
        UPDATE,
        "requestParameters.clusterName && requestParameters.nodegroupName"
        " && join('/', [requestParameters.clusterName, requestParameters.nodegroupName])",
    ),
    # Add-ons.
    on(EKS, "CreateAddon", ADDON, CREATE, "responseElements.addon.addonArn"),
    on(EKS, "DeleteAddon", ADDON, DELETE, "responseElements.addon.addonArn"),
    on(
        EKS,
        "UpdateAddon",
        ADDON,
        UPDATE,
        "requestParameters.clusterName && requestParameters.addonName"
        " && join('/', [requestParameters.clusterName, requestParameters.addonName])",
    ),
    # Fargate profiles.
    on(
        EKS,
        "CreateFargateProfile",
        FARGATE,
        CREATE,
        "responseElements.fargateProfile.fargateProfileArn",
    ),
    on(
        EKS,
        "DeleteFargateProfile",
        FARGATE,
        DELETE,
        "responseElements.fargateProfile.fargateProfileArn",
    ),
    # Access entries and identity provider configurations are parts of their cluster (the
    # delete calls name them only by principal or name, within the cluster).
    on(
        EKS,
        (
            "CreateAccessEntry",
            "UpdateAccessEntry",
            "DeleteAccessEntry",
            "AssociateAccessPolicy",
            "DisassociateAccessPolicy",
            "AssociateIdentityProviderConfig",
            "DisassociateIdentityProviderConfig",
        ),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterName",
    ),
    # Pod identity associations: every call returns the association.
    on(EKS, "CreatePodIdentityAssociation", POD_ID, CREATE, ASSOCIATION_ARN),
    on(EKS, "UpdatePodIdentityAssociation", POD_ID, UPDATE, ASSOCIATION_ARN),
    on(EKS, "DeletePodIdentityAssociation", POD_ID, DELETE, ASSOCIATION_ARN),
    # Tags take a cluster, node group, add-on or Fargate profile ARN.
    on(EKS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    # Clusters registered through EKS Connector; capabilities and certificate authorities of
    # a cluster (API reference).
    on(EKS, "RegisterCluster", CLUSTER, CREATE, "requestParameters.name"),
    on(EKS, "DeregisterCluster", CLUSTER, DELETE, "requestParameters.name"),
    on(
        EKS,
        (
            "CreateCapability",
            "UpdateCapability",
            "DeleteCapability",
            "CreateCertificateAuthority",
            "ActivateCertificateAuthority",
            "DeleteCertificateAuthority",
        ),
        CLUSTER,
        UPDATE,
        "requestParameters.clusterName",
    ),
]

TERRAFORM = [
    tf("aws_eks_cluster", CLUSTER, "name", "id", "arn"),
    tf("aws_eks_node_group", NODEGROUP, "arn"),
    tf("aws_eks_addon", ADDON, "arn"),
    tf("aws_eks_fargate_profile", FARGATE, "arn"),
    *children(
        CLUSTER,
        "cluster_name",
        "aws_eks_identity_provider_config",
        "aws_eks_access_entry",
    ),
    part_of("aws_eks_access_policy_association", CLUSTER, "cluster_name"),
    tf("aws_eks_pod_identity_association", POD_ID, "association_arn"),
]

OPERATIONAL = [
    ops(
        EKS,
        "updates cancelled, insights refreshed, EKS Anywhere subscriptions bought or changed: "
        "operations and billing, not a cluster's configuration",
        """CancelUpdate StartInsightsRefresh CreateEksAnywhereSubscription
        UpdateEksAnywhereSubscription DeleteEksAnywhereSubscription""",
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_ids={"eks": _without_uuid},
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("eks",),
)
