"""Ids in every form AWS logs them become the one physical id of their canonical type, and
ARNs and EC2 ids name their own type."""

from __future__ import annotations

import pytest

from bot.catalog.arns import resolve_arn_type, resolve_ec2_id_type
from bot.catalog.resource_types import RESOURCE_TYPES

ACCOUNT = "111122223333"


@pytest.mark.parametrize(
    ("resource_type", "value", "expected"),
    [
        # the id itself, trimmed
        ("AWS::EC2::SecurityGroup", " sg-0abc ", "sg-0abc"),
        (
            "AWS::EC2::SecurityGroup",
            f"arn:aws:ec2:eu-west-1:{ACCOUNT}:security-group/sg-0abc",
            "sg-0abc",
        ),
        # an ARN of another kind of resource is left as it is
        (
            "AWS::EC2::SecurityGroup",
            f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-0abc",
            f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-0abc",
        ),
        # too few parts to be an ARN
        ("AWS::EC2::SecurityGroup", "arn:aws:ec2", "arn:aws:ec2"),
        # types whose id is the ARN keep it
        (
            "AWS::SNS::Topic",
            f"arn:aws:sns:eu-west-1:{ACCOUNT}:alerts",
            f"arn:aws:sns:eu-west-1:{ACCOUNT}:alerts",
        ),
        ("AWS::S3::Bucket", "arn:aws:s3:::my-bucket", "my-bucket"),
        ("AWS::KMS::Key", f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/1234abcd", "1234abcd"),
        ("AWS::KMS::Alias", f"arn:aws:kms:eu-west-1:{ACCOUNT}:alias/app", "alias/app"),
        # IAM paths
        ("AWS::IAM::Role", f"arn:aws:iam::{ACCOUNT}:role/service-role/deployer", "deployer"),
        ("AWS::IAM::User", f"arn:aws:iam::{ACCOUNT}:user/alice", "alice"),
        ("AWS::IAM::InstanceProfile", f"arn:aws:iam::{ACCOUNT}:instance-profile/a/b/web", "web"),
        (
            "AWS::IAM::ManagedPolicy",
            f"arn:aws:iam::{ACCOUNT}:policy/p",
            f"arn:aws:iam::{ACCOUNT}:policy/p",
        ),
        # Lambda qualifiers
        ("AWS::Lambda::Function", f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:api", "api"),
        ("AWS::Lambda::Function", f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:api:live", "api"),
        (
            "AWS::Lambda::Function",
            f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:api:$LATEST",
            "api",
        ),
        # Auto Scaling: autoScalingGroup:UUID:autoScalingGroupName/NAME
        (
            "AWS::AutoScaling::AutoScalingGroup",
            f"arn:aws:autoscaling:eu-west-1:{ACCOUNT}:autoScalingGroup:0b1c-2d3e:autoScalingGroupName/web",
            "web",
        ),
        (
            "AWS::AutoScaling::LaunchConfiguration",
            f"arn:aws:autoscaling:eu-west-1:{ACCOUNT}:launchConfiguration:0b1c:launchConfigurationName/lc",
            "lc",
        ),
        # EKS: nodegroup/CLUSTER/NAME/UUID → CLUSTER/NAME
        (
            "AWS::EKS::Nodegroup",
            f"arn:aws:eks:eu-west-1:{ACCOUNT}:nodegroup/prod/workers/8abc",
            "prod/workers",
        ),
        (
            "AWS::EKS::Addon",
            f"arn:aws:eks:eu-west-1:{ACCOUNT}:addon/prod/vpc-cni/8abc",
            "prod/vpc-cni",
        ),
        ("AWS::EKS::Cluster", f"arn:aws:eks:eu-west-1:{ACCOUNT}:cluster/prod", "prod"),
        ("AWS::EKS::Nodegroup", "prod/workers", "prod/workers"),
        # API Gateway: /restapis/ID/stages/NAME → ID
        (
            "AWS::ApiGateway::RestApi",
            "arn:aws:apigateway:eu-west-1::/restapis/a1b2/stages/prod",
            "a1b2",
        ),
        ("AWS::ApiGatewayV2::Api", "arn:aws:apigateway:eu-west-1::/apis/x9", "x9"),
        # CloudWatch Logs: the `:*` of log-group ARNs
        (
            "AWS::Logs::LogGroup",
            f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/lambda/api:*",
            "/aws/lambda/api",
        ),
        ("AWS::Logs::LogGroup", f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:app", "app"),
        # SSM: hierarchical parameter names start with a slash
        (
            "AWS::SSM::Parameter",
            f"arn:aws:ssm:eu-west-1:{ACCOUNT}:parameter/app/db/url",
            "/app/db/url",
        ),
        ("AWS::SSM::Parameter", f"arn:aws:ssm:eu-west-1:{ACCOUNT}:parameter/flat", "flat"),
        # SQS: queue URLs in their current form, also from ARNs and legacy hosts
        (
            "AWS::SQS::Queue",
            f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
            f"https://sqs.eu-west-1.amazonaws.com/{ACCOUNT}/jobs",
        ),
        (
            "AWS::SQS::Queue",
            f"https://queue.amazonaws.com/{ACCOUNT}/jobs",
            f"https://sqs.us-east-1.amazonaws.com/{ACCOUNT}/jobs",
        ),
        (
            "AWS::SQS::Queue",
            f"https://eu-west-1.queue.amazonaws.com/{ACCOUNT}/jobs",
            f"https://sqs.eu-west-1.amazonaws.com/{ACCOUNT}/jobs",
        ),
        (
            "AWS::SQS::Queue",
            f"https://sqs.eu-west-1.amazonaws.com/{ACCOUNT}/jobs",
            f"https://sqs.eu-west-1.amazonaws.com/{ACCOUNT}/jobs",
        ),
        ("AWS::SQS::Queue", "https://example.com/jobs", "https://example.com/jobs"),
        ("AWS::SQS::Queue", "jobs", "jobs"),
        # Route 53: `/hostedzone/Z…` in requests, `hostedzone/Z…` in ARNs
        ("AWS::Route53::HostedZone", "/hostedzone/Z0123", "Z0123"),
        ("AWS::Route53::HostedZone", "Z0123", "Z0123"),
        ("AWS::Route53::HostedZone", "arn:aws:route53:::hostedzone/Z0123", "Z0123"),
    ],
)
def test_ids_normalise_to_the_physical_id(resource_type: str, value: str, expected: str) -> None:
    assert RESOURCE_TYPES.get(resource_type).normalize_id(value) == expected


@pytest.mark.parametrize(
    ("arn", "expected"),
    [
        (f"arn:aws:ec2:eu-west-1:{ACCOUNT}:security-group/sg-1", "AWS::EC2::SecurityGroup"),
        (
            f"arn:aws:ec2:eu-west-1:{ACCOUNT}:vpc-endpoint-service/vpce-svc-1",
            "AWS::EC2::VPCEndpointService",
        ),
        (f"arn:aws:ec2:eu-west-1:{ACCOUNT}:key-pair/key-1", "AWS::EC2::KeyPair"),
        ("arn:aws:s3:::my-bucket", "AWS::S3::Bucket"),
        (f"arn:aws:s3:eu-west-1:{ACCOUNT}:accesspoint/ap", "AWS::S3::AccessPoint"),
        (f"arn:aws:sns:eu-west-1:{ACCOUNT}:alerts", "AWS::SNS::Topic"),
        (f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs", "AWS::SQS::Queue"),
        (f"arn:aws:iam::{ACCOUNT}:role/path/r", "AWS::IAM::Role"),
        (f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:api:live", "AWS::Lambda::Function"),
        (f"arn:aws:rds:eu-west-1:{ACCOUNT}:cluster-pg:p", "AWS::RDS::DBClusterParameterGroup"),
        (
            f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:loadbalancer/app/web/50dc",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ),
        (
            f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:loadbalancer/net/nlb/50dc",
            "AWS::ElasticLoadBalancingV2::LoadBalancer",
        ),
        (
            f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:loadbalancer/classic",
            "AWS::ElasticLoadBalancing::LoadBalancer",
        ),
        (
            f"arn:aws:elasticloadbalancing:eu-west-1:{ACCOUNT}:listener/app/web/50dc/f1",
            "AWS::ElasticLoadBalancingV2::Listener",
        ),
        ("arn:aws:apigateway:eu-west-1::/restapis/a1b2/stages/prod", "AWS::ApiGateway::RestApi"),
        ("arn:aws:apigateway:eu-west-1::/restapis", "AWS::ApiGateway::RestApi"),
        ("arn:aws:apigateway:eu-west-1::/apis/x9", "AWS::ApiGatewayV2::Api"),
        (
            f"arn:aws:states:eu-west-1:{ACCOUNT}:stateMachine:flow",
            "AWS::StepFunctions::StateMachine",
        ),
        (f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/aws/x:*", "AWS::Logs::LogGroup"),
        ("arn:aws:route53:::hostedzone/Z1", "AWS::Route53::HostedZone"),
        (f"arn:aws:athena:eu-west-1:{ACCOUNT}:workgroup/primary", "AWS::Athena::WorkGroup"),
        # kinds and services driftbot does not know; not an ARN at all
        (f"arn:aws:ec2:eu-west-1:{ACCOUNT}:unknown-thing/x-1", None),
        (f"arn:aws:nosuchservice:eu-west-1:{ACCOUNT}:thing/x", None),
        ("sg-0abc", None),
        ("urn:aws:s3:::b:c:d", None),
    ],
)
def test_arns_name_their_type(arn: str, expected: str | None) -> None:
    assert resolve_arn_type(arn) == expected


@pytest.mark.parametrize(
    ("resource_id", "expected"),
    [
        ("sg-0abc", "AWS::EC2::SecurityGroup"),
        ("i-0abc", "AWS::EC2::Instance"),
        ("vpce-0abc", "AWS::EC2::VPCEndpoint"),
        ("vpce-svc-0abc", "AWS::EC2::VPCEndpointService"),
        ("tgw-0abc", "AWS::EC2::TransitGateway"),
        ("tgw-attach-0abc", "AWS::EC2::TransitGatewayAttachment"),
        ("tgw-rtb-0abc", "AWS::EC2::TransitGatewayRouteTable"),
        ("cvpn-endpoint-0abc", "AWS::EC2::ClientVpnEndpoint"),
        ("ami-0abc", "AWS::EC2::Image"),
        ("key-0abc", "AWS::EC2::KeyPair"),
        ("pg-0abc", "AWS::EC2::PlacementGroup"),
        ("rtbassoc-0abc", None),
        ("my-bucket-name", None),
        ("", None),
    ],
)
def test_ec2_ids_name_their_type_by_prefix(resource_id: str, expected: str | None) -> None:
    assert resolve_ec2_id_type(resource_id) == expected
