"""CloudHSM (v2) clusters; HSMs are members of their cluster."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

HSM = "cloudhsm.amazonaws.com"
CLUSTER = "AWS::CloudHSM::Cluster"

# cloud-custodian event-cloud-trail-hsm-create-cluster record; CloudHSM v2 API reference.
on(HSM, "CreateCluster", CLUSTER, CREATE, "responseElements.cluster.clusterId")
on(HSM, ("ModifyCluster", "CreateHsm", "DeleteHsm"), CLUSTER, UPDATE, "requestParameters.clusterId")
on(HSM, "DeleteCluster", CLUSTER, DELETE, "requestParameters.clusterId")
