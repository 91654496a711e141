"""Where a resource is in the AWS Management Console: one URL template per resource type that
has a console page, keyed by the canonical type (a fact about each AWS service, kept in one
table here so the services' modules stay as they are). No I/O.

Templates take `{region}`, `{account}` and `{id}` (the physical id, URL-quoted). A type without
a template is found in CloudTrail's event history, filtered by the resource's name
(`EVENT_HISTORY`); an event is linked to its own page there (`EVENT_PAGE`). Global types
(IAM, CloudFront, Route 53) use us-east-1's console host, as AWS does.
"""

from __future__ import annotations

from urllib.parse import quote

from bot.catalog.resource_types import RESOURCE_TYPES

_C = "https://{region}.console.aws.amazon.com"
_EC2 = _C + "/ec2/home?region={region}#"
_VPC = _C + "/vpcconsole/home?region={region}#"
_GLOBAL = "https://us-east-1.console.aws.amazon.com"
CONSOLE_URLS: dict[str, str] = {
    "AWS::EC2::SecurityGroup": _EC2 + "SecurityGroup:groupId={id}",
    "AWS::EC2::Instance": _EC2 + "InstanceDetails:instanceId={id}",
    "AWS::EC2::Volume": _EC2 + "VolumeDetails:volumeId={id}",
    "AWS::EC2::NetworkAcl": _C
    + "/vpcconsole/home?region={region}#NetworkAclDetails:networkAclId={id}",
    "AWS::EC2::RouteTable": _C
    + "/vpcconsole/home?region={region}#RouteTableDetails:RouteTableId={id}",
    "AWS::EC2::VPC": _VPC + "VpcDetails:VpcId={id}",
    "AWS::EC2::Subnet": _VPC + "SubnetDetails:subnetId={id}",
    "AWS::EC2::InternetGateway": _C
    + "/vpcconsole/home?region={region}#InternetGateway:internetGatewayId={id}",
    "AWS::EC2::NatGateway": _C
    + "/vpcconsole/home?region={region}#NatGatewayDetails:natGatewayId={id}",
    "AWS::EC2::LaunchTemplate": _C
    + "/ec2/home?region={region}#LaunchTemplateDetails:launchTemplateId={id}",
    "AWS::S3::Bucket": "https://s3.console.aws.amazon.com/s3/buckets/{id}?region={region}",
    "AWS::IAM::Role": _GLOBAL + "/iam/home#/roles/details/{id}",
    "AWS::IAM::User": _GLOBAL + "/iam/home#/users/details/{id}",
    "AWS::IAM::Group": _GLOBAL + "/iam/home#/groups/details/{id}",
    "AWS::IAM::ManagedPolicy": _GLOBAL + "/iam/home#/policies/details/{id}",
    "AWS::RDS::DBInstance": _C + "/rds/home?region={region}#database:id={id}",
    "AWS::RDS::DBCluster": _C + "/rds/home?region={region}#database:id={id};is-cluster=true",
    "AWS::Lambda::Function": _C + "/lambda/home?region={region}#/functions/{id}",
    "AWS::KMS::Key": _C + "/kms/home?region={region}#/kms/keys/{id}",
    "AWS::DynamoDB::Table": _C + "/dynamodbv2/home?region={region}#table?name={id}",
    "AWS::SQS::Queue": _C + "/sqs/v3/home?region={region}#/queues/{id}",
    "AWS::SNS::Topic": _C + "/sns/v3/home?region={region}#/topic/{id}",
    "AWS::ECS::Cluster": _C + "/ecs/v2/clusters/{id}?region={region}",
    "AWS::EKS::Cluster": _C + "/eks/home?region={region}#/clusters/{id}",
    "AWS::ECR::Repository": _C + "/ecr/repositories/private/{account}/{id}?region={region}",
    "AWS::Logs::LogGroup": _C + "/cloudwatch/home?region={region}#logsV2:log-groups/log-group/{id}",
    "AWS::SecretsManager::Secret": _C + "/secretsmanager/secret?name={id}&region={region}",
    "AWS::CloudTrail::Trail": _C + "/cloudtrailv2/home?region={region}#/trails/{id}",
    "AWS::ElasticLoadBalancingV2::LoadBalancer": _C
    + "/ec2/home?region={region}#LoadBalancer:loadBalancerArn={id}",
    "AWS::ElasticLoadBalancingV2::Listener": _C
    + "/ec2/home?region={region}#ELBListenerV2:listenerArn={id}",
    "AWS::ElasticLoadBalancingV2::TargetGroup": _C
    + "/ec2/home?region={region}#TargetGroup:targetGroupArn={id}",
    "AWS::CloudFront::Distribution": _GLOBAL + "/cloudfront/v4/home#/distributions/{id}",
    "AWS::Route53::HostedZone": _GLOBAL + "/route53/v2/hostedzones#ListRecordSets/{id}",
    "AWS::CloudFormation::Stack": _C
    + "/cloudformation/home?region={region}#/stacks/stackinfo?stackId={id}",
    "AWS::ElastiCache::ReplicationGroup": _C + "/elasticache/home?region={region}#/redis/{id}",
    "AWS::StepFunctions::StateMachine": _C
    + "/states/home?region={region}#/statemachines/view/{id}",
    "AWS::ApiGateway::RestApi": _C + "/apigateway/main/apis/{id}/resources?region={region}",
}
EVENT_HISTORY = (
    "https://{region}.console.aws.amazon.com/cloudtrailv2/home?region={region}"
    "#/events?ResourceName={id}"
)
EVENT_PAGE = (
    "https://{region}.console.aws.amazon.com/cloudtrailv2/home?region={region}#/events/{event}"
)
GLOBAL_REGION = "us-east-1"


def _region(resource_type: str, region: str) -> str:
    known = RESOURCE_TYPES.find(resource_type)
    is_global = known.is_global if known is not None else False
    return GLOBAL_REGION if is_global or not region else region


def console_url(resource_type: str, resource_id: str, region: str, account: str) -> str:
    """The resource's console page, else its CloudTrail event history."""
    template = CONSOLE_URLS.get(resource_type, EVENT_HISTORY)
    where = _region(resource_type, region)
    return template.format(region=where, account=account, id=quote(resource_id, safe=""))


def has_console_page(resource_type: str) -> bool:
    return resource_type in CONSOLE_URLS


def event_url(event_id: str, region: str) -> str:
    """The CloudTrail console's page of one event."""
    return EVENT_PAGE.format(region=region or GLOBAL_REGION, event=quote(event_id, safe=""))
