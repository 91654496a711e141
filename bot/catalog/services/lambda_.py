"""Lambda. Event names carry the API version (`UpdateFunctionConfiguration20150331v2`,
`PublishLayerVersion20181031`); rules are declared without it and the lookup strips it.

`functionName` may be a name, a full or a partial ARN; the function type turns ARNs into
names. Permissions, aliases, concurrency, URLs and invoke configs are parts of the function.
Event names as listed in the Lambda developer guide, "Logging AWS Lambda API calls using
AWS CloudTrail" (https://docs.aws.amazon.com/lambda/latest/dg/logging-using-cloudtrail.html).
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

LAMBDA = "lambda.amazonaws.com"

FUNCTION = "AWS::Lambda::Function"
LAYER = "AWS::Lambda::LayerVersion"
MAPPING = "AWS::Lambda::EventSourceMapping"
CODE_SIGNING_CONFIG = "AWS::Lambda::CodeSigningConfig"
CAPACITY_PROVIDER = "AWS::Lambda::CapacityProvider"


def _without_qualifier(arn: Arn) -> str:
    """`function:NAME:QUALIFIER` (a version or alias): NAME."""
    return arn.resource.split(":", 1)[0].rsplit("/", 1)[-1]


TYPES = (
    ResourceType(FUNCTION, "name", "function:", id_from_arn=_without_qualifier),
    ResourceType(LAYER, "arn"),
    ResourceType(MAPPING, "id", "event-source-mapping:"),
    ResourceType(CODE_SIGNING_CONFIG, "arn"),
    ResourceType(CAPACITY_PROVIDER, "name", "capacity-provider:", cfn=False),
)
ARN_KINDS = {
    ("lambda", "function"): FUNCTION,
    ("lambda", "event-source-mapping"): MAPPING,
    ("lambda", "layer"): LAYER,
}

FUNCTION_NAME = "requestParameters.functionName"

# Functions: DeleteFunction checked against the developer guide and panther-analysis records,
# UpdateFunctionCode/UpdateFunctionConfiguration/AddPermission/RemovePermission against
# panther-analysis and stratus-red-team records (some give the function as an ARN).
LAYER_VERSION_ARN = (
    "requestParameters.layerName && awsRegion && recipientAccountId && ("
    "starts_with(requestParameters.layerName, 'arn:')"
    " && join(':', [requestParameters.layerName, to_string(requestParameters.versionNumber)])"
    " || join(':', ['arn:aws:lambda', awsRegion, recipientAccountId, 'layer',"
    " requestParameters.layerName, to_string(requestParameters.versionNumber)]))"
)
RULES = [
    on(
        LAMBDA,
        "CreateFunction",
        FUNCTION,
        CREATE,
        "requestParameters.functionName || responseElements.functionName",
    ),
    on(
        LAMBDA,
        (
            "UpdateFunctionCode",
            "UpdateFunctionConfiguration",
            "PublishVersion",
            "AddPermission",
            "RemovePermission",
            "CreateAlias",
            "UpdateAlias",
            "DeleteAlias",
            "PutFunctionConcurrency",
            "DeleteFunctionConcurrency",
            "CreateFunctionUrlConfig",
            "UpdateFunctionUrlConfig",
            "DeleteFunctionUrlConfig",
            "PutFunctionEventInvokeConfig",
            "UpdateFunctionEventInvokeConfig",
            "DeleteFunctionEventInvokeConfig",
            "PutProvisionedConcurrencyConfig",
            "DeleteProvisionedConcurrencyConfig",
            "PutFunctionCodeSigningConfig",
            "DeleteFunctionCodeSigningConfig",
            "PutRuntimeManagementConfig",
        ),
        FUNCTION,
        UPDATE,
        FUNCTION_NAME,
    ),
    # DeleteFunction with a `qualifier` deletes one version only: an update of the function.
    on(LAMBDA, "DeleteFunction", FUNCTION, DELETE, "[requestParameters][?!qualifier].functionName"),
    on(LAMBDA, "DeleteFunction", FUNCTION, UPDATE, "[requestParameters][?qualifier].functionName"),
    # Tags on a function (or another Lambda resource), by ARN (`Resource` in the API).
    on(LAMBDA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resource"),
    # Event source mappings, by the UUID Lambda makes (logged as `uUID`, like other all-caps
    # members); API reference, documented shape only.
    on(LAMBDA, "CreateEventSourceMapping", MAPPING, CREATE, "responseElements.uUID"),
    on(LAMBDA, "UpdateEventSourceMapping", MAPPING, UPDATE, "requestParameters.uUID"),
    on(LAMBDA, "DeleteEventSourceMapping", MAPPING, DELETE, "requestParameters.uUID"),
    # Layer versions, by version ARN. PublishLayerVersion returns it; the other calls name the
    # layer (name or ARN) and the version number, from which the ARN is rebuilt (aws partition).
    on(LAMBDA, "PublishLayerVersion", LAYER, CREATE, "responseElements.layerVersionArn"),
    on(
        LAMBDA,
        ("AddLayerVersionPermission", "RemoveLayerVersionPermission"),
        LAYER,
        UPDATE,
        LAYER_VERSION_ARN,
    ),
    on(LAMBDA, "DeleteLayerVersion", LAYER, DELETE, LAYER_VERSION_ARN),
    # Code signing configurations, by ARN.
    on(
        LAMBDA,
        "CreateCodeSigningConfig",
        CODE_SIGNING_CONFIG,
        CREATE,
        "responseElements.codeSigningConfig.codeSigningConfigArn",
    ),
    on(
        LAMBDA,
        "UpdateCodeSigningConfig",
        CODE_SIGNING_CONFIG,
        UPDATE,
        "requestParameters.codeSigningConfigArn",
    ),
    on(
        LAMBDA,
        "DeleteCodeSigningConfig",
        CODE_SIGNING_CONFIG,
        DELETE,
        "requestParameters.codeSigningConfigArn",
    ),
    # More function settings: recursion detection, scaling of functions on capacity providers;
    # resource-based policies by ARN (a function's, or another Lambda resource's); capacity
    # providers, by name (API reference).
    on(
        LAMBDA,
        ("PutFunctionRecursionConfig", "PutFunctionScalingConfig"),
        FUNCTION,
        UPDATE,
        FUNCTION_NAME,
    ),
    on(
        LAMBDA,
        ("PutResourcePolicy", "DeleteResourcePolicy"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(
        LAMBDA,
        "CreateCapacityProvider",
        CAPACITY_PROVIDER,
        CREATE,
        "requestParameters.capacityProviderName",
    ),
    on(
        LAMBDA,
        "UpdateCapacityProvider",
        CAPACITY_PROVIDER,
        UPDATE,
        "requestParameters.capacityProviderName",
    ),
    on(
        LAMBDA,
        "DeleteCapacityProvider",
        CAPACITY_PROVIDER,
        DELETE,
        "requestParameters.capacityProviderName",
    ),
]

TERRAFORM = [
    tf("aws_lambda_function", FUNCTION, "function_name", "id", "arn"),
    # `function_name` of these may be a name or an ARN (with a qualifier); both normalise to
    # the name.
    *children(
        FUNCTION,
        "function_name",
        "aws_lambda_permission",
        "aws_lambda_alias",
        "aws_lambda_function_url",
        "aws_lambda_function_event_invoke_config",
        "aws_lambda_provisioned_concurrency_config",
    ),
    tf("aws_lambda_event_source_mapping", MAPPING, "uuid", "id", "arn"),
    tf("aws_lambda_layer_version", LAYER, "arn", "id"),
    tf("aws_lambda_code_signing_config", CODE_SIGNING_CONFIG, "arn"),
    part_of("aws_lambda_function_recursion_config", FUNCTION, "function_name"),
    part_of("aws_lambda_runtime_management_config", FUNCTION, "function_name"),
]

OPERATIONAL = [
    ops(
        LAMBDA,
        "durable executions are runs of a function, stopped or deleted: data, not configuration",
        "StopDurableExecution DeleteDurableExecution",
    ),
    ops(
        LAMBDA,
        "durable executions paused or resumed",
        "PauseDurableExecution ResumeDurableExecution",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("lambda",)
)
