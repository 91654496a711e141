"""EKS: clusters, managed node groups, add-ons, Fargate profiles, access entries, pod identity.

Node groups, add-ons and the other cluster children are keyed by ARN. AWS logs that ARN in the
response of their Create/Delete (and UpdateAccessEntry) calls, but UpdateNodegroupConfig,
UpdateNodegroupVersion and UpdateAddon answer with an `update` object only; for those we emit
CloudFormation's Ref form `<cluster>/<name>`, the only id the record holds.
"""

from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on

EKS = "eks.amazonaws.com"
CLUSTER = "AWS::EKS::Cluster"
NODEGROUP = "AWS::EKS::Nodegroup"
ADDON = "AWS::EKS::Addon"

# Clusters (EKS API reference; CreateCluster response `cluster.arn` as in the aws-samples
# auto-tagger). Cluster calls name it `name`; the encryption call names it `clusterName`.
on(EKS, "CreateCluster", CLUSTER, CREATE, "requestParameters.name || responseElements.cluster.name")
on(
    EKS,
    ("UpdateClusterConfig", "UpdateClusterVersion"),
    CLUSTER,
    UPDATE,
    "requestParameters.name",
)
on(EKS, "AssociateEncryptionConfig", CLUSTER, UPDATE, "requestParameters.clusterName")
on(EKS, "DeleteCluster", CLUSTER, DELETE, "requestParameters.name")

# Managed node groups.
on(EKS, "CreateNodegroup", NODEGROUP, CREATE, "responseElements.nodegroup.nodegroupArn")
on(EKS, "DeleteNodegroup", NODEGROUP, DELETE, "responseElements.nodegroup.nodegroupArn")
on(
    EKS,
    ("UpdateNodegroupConfig", "UpdateNodegroupVersion"),
    NODEGROUP,
    UPDATE,
    "requestParameters.clusterName && requestParameters.nodegroupName"
    " && join('/', [requestParameters.clusterName, requestParameters.nodegroupName])",
)

# Add-ons.
on(EKS, "CreateAddon", ADDON, CREATE, "responseElements.addon.addonArn")
on(EKS, "DeleteAddon", ADDON, DELETE, "responseElements.addon.addonArn")
on(
    EKS,
    "UpdateAddon",
    ADDON,
    UPDATE,
    "requestParameters.clusterName && requestParameters.addonName"
    " && join('/', [requestParameters.clusterName, requestParameters.addonName])",
)

# Fargate profiles.
FARGATE = "AWS::EKS::FargateProfile"
on(
    EKS,
    "CreateFargateProfile",
    FARGATE,
    CREATE,
    "responseElements.fargateProfile.fargateProfileArn",
)
on(
    EKS,
    "DeleteFargateProfile",
    FARGATE,
    DELETE,
    "responseElements.fargateProfile.fargateProfileArn",
)

# Access entries (DeleteAccessEntry returns nothing and is left out: no id in its record
# but the principal ARN).
ACCESS = "AWS::EKS::AccessEntry"
on(EKS, "CreateAccessEntry", ACCESS, CREATE, "responseElements.accessEntry.accessEntryArn")
on(EKS, "UpdateAccessEntry", ACCESS, UPDATE, "responseElements.accessEntry.accessEntryArn")

# Pod identity associations: every call returns the association.
POD_ID = "AWS::EKS::PodIdentityAssociation"
ASSOCIATION_ARN = "responseElements.association.associationArn"
on(EKS, "CreatePodIdentityAssociation", POD_ID, CREATE, ASSOCIATION_ARN)
on(EKS, "UpdatePodIdentityAssociation", POD_ID, UPDATE, ASSOCIATION_ARN)
on(EKS, "DeletePodIdentityAssociation", POD_ID, DELETE, ASSOCIATION_ARN)

# Tags take a cluster, node group, add-on or Fargate profile ARN.
on(EKS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn")
