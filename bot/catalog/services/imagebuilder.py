"""EC2 Image Builder: components, image and container recipes, infrastructure and distribution
configurations, image pipelines, workflows and lifecycle policies, all by ARN (versioned ones
by their build-version ARN). Image builds and lifecycle runs are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

IB = "imagebuilder.amazonaws.com"

COMPONENT = "AWS::ImageBuilder::Component"
IMAGE_RECIPE = "AWS::ImageBuilder::ImageRecipe"
CONTAINER_RECIPE = "AWS::ImageBuilder::ContainerRecipe"
INFRASTRUCTURE = "AWS::ImageBuilder::InfrastructureConfiguration"
DISTRIBUTION = "AWS::ImageBuilder::DistributionConfiguration"
PIPELINE = "AWS::ImageBuilder::ImagePipeline"
WORKFLOW = "AWS::ImageBuilder::Workflow"
LIFECYCLE = "AWS::ImageBuilder::LifecyclePolicy"

TYPES = tuple(
    ResourceType(t, "arn")
    for t in (
        COMPONENT,
        IMAGE_RECIPE,
        CONTAINER_RECIPE,
        INFRASTRUCTURE,
        DISTRIBUTION,
        PIPELINE,
        WORKFLOW,
        LIFECYCLE,
    )
)
ARN_KINDS = {
    ("imagebuilder", "component"): COMPONENT,
    ("imagebuilder", "image-recipe"): IMAGE_RECIPE,
    ("imagebuilder", "container-recipe"): CONTAINER_RECIPE,
    ("imagebuilder", "infrastructure-configuration"): INFRASTRUCTURE,
    ("imagebuilder", "distribution-configuration"): DISTRIBUTION,
    ("imagebuilder", "image-pipeline"): PIPELINE,
    ("imagebuilder", "workflow"): WORKFLOW,
    ("imagebuilder", "lifecycle-policy"): LIFECYCLE,
}

# (type, noun, the ARN member of its create's response and of its other calls' requests)
_ALL = (
    (COMPONENT, "Component", "componentBuildVersionArn", "componentBuildVersionArn"),
    (IMAGE_RECIPE, "ImageRecipe", "imageRecipeArn", "imageRecipeArn"),
    (CONTAINER_RECIPE, "ContainerRecipe", "containerRecipeArn", "containerRecipeArn"),
    (
        INFRASTRUCTURE,
        "InfrastructureConfiguration",
        "infrastructureConfigurationArn",
        "infrastructureConfigurationArn",
    ),
    (
        DISTRIBUTION,
        "DistributionConfiguration",
        "distributionConfigurationArn",
        "distributionConfigurationArn",
    ),
    (PIPELINE, "ImagePipeline", "imagePipelineArn", "imagePipelineArn"),
    (WORKFLOW, "Workflow", "workflowBuildVersionArn", "workflowBuildVersionArn"),
    (LIFECYCLE, "LifecyclePolicy", "lifecyclePolicyArn", "lifecyclePolicyArn"),
)
_UPDATABLE = {INFRASTRUCTURE, DISTRIBUTION, PIPELINE, LIFECYCLE}

# Image Builder API reference (REST JSON, members lower-case first).
RULES = [
    *(
        line
        for rtype, noun, created, arn in _ALL
        for line in (
            on(IB, f"Create{noun}", rtype, CREATE, f"responseElements.{created}"),
            on(IB, f"Delete{noun}", rtype, DELETE, f"requestParameters.{arn}"),
            *(
                [on(IB, f"Update{noun}", rtype, UPDATE, f"requestParameters.{arn}")]
                if rtype in _UPDATABLE
                else []
            ),
        )
    ),
    on(IB, "PutComponentPolicy", COMPONENT, UPDATE, "requestParameters.componentArn"),
    on(IB, "PutImageRecipePolicy", IMAGE_RECIPE, UPDATE, "requestParameters.imageRecipeArn"),
    on(
        IB,
        "PutContainerRecipePolicy",
        CONTAINER_RECIPE,
        UPDATE,
        "requestParameters.containerRecipeArn",
    ),
    on(IB, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        IB,
        "image builds a pipeline runs, their images and policies, and lifecycle runs",
        """CreateImage DeleteImage ImportVmImage ImportDiskImage StartImagePipelineExecution
        CancelImageCreation PutImagePolicy StartResourceStateUpdate CancelLifecycleExecution
        SendWorkflowStepAction ImportComponent""",
    ),
]

TERRAFORM = [
    tf("aws_imagebuilder_component", COMPONENT, "arn", "id"),
    tf("aws_imagebuilder_image_recipe", IMAGE_RECIPE, "arn", "id"),
    tf("aws_imagebuilder_container_recipe", CONTAINER_RECIPE, "arn", "id"),
    tf("aws_imagebuilder_infrastructure_configuration", INFRASTRUCTURE, "arn", "id"),
    tf("aws_imagebuilder_distribution_configuration", DISTRIBUTION, "arn", "id"),
    tf("aws_imagebuilder_image_pipeline", PIPELINE, "arn", "id"),
    tf("aws_imagebuilder_workflow", WORKFLOW, "arn", "id"),
    tf("aws_imagebuilder_lifecycle_policy", LIFECYCLE, "arn", "id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("imagebuilder",),
)
