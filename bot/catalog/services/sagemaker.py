"""Amazon SageMaker: the resources IaC declares, each by its name (domains by the `d-…` id
SageMaker makes): notebook instances and their lifecycle configurations, Studio domains (with
their user profiles, spaces and apps as parts), endpoints, endpoint configurations, models,
inference components, pipelines, model package groups, feature groups, projects, code
repositories, Studio lifecycle configurations, images, app image configurations, workteams,
workforces, flow definitions, human task UIs, device fleets, MLflow tracking servers,
monitoring schedules and monitoring job definitions, and HyperPod clusters.

Training, processing, transform, tuning, labeling, AutoML, compilation and other jobs, pipeline
executions, experiments and lineage are operational (what ML work runs, not infrastructure).
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, UPDATE, lifecycle, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

SM = "sagemaker.amazonaws.com"

NOTEBOOK_INSTANCE = "AWS::SageMaker::NotebookInstance"
NOTEBOOK_LIFECYCLE = "AWS::SageMaker::NotebookInstanceLifecycleConfig"
DOMAIN = "AWS::SageMaker::Domain"
ENDPOINT = "AWS::SageMaker::Endpoint"
ENDPOINT_CONFIG = "AWS::SageMaker::EndpointConfig"
MODEL = "AWS::SageMaker::Model"
INFERENCE_COMPONENT = "AWS::SageMaker::InferenceComponent"
PIPELINE = "AWS::SageMaker::Pipeline"
MODEL_PACKAGE_GROUP = "AWS::SageMaker::ModelPackageGroup"
FEATURE_GROUP = "AWS::SageMaker::FeatureGroup"
PROJECT = "AWS::SageMaker::Project"
CODE_REPOSITORY = "AWS::SageMaker::CodeRepository"
STUDIO_LIFECYCLE = "AWS::SageMaker::StudioLifecycleConfig"
IMAGE = "AWS::SageMaker::Image"
APP_IMAGE_CONFIG = "AWS::SageMaker::AppImageConfig"
WORKTEAM = "AWS::SageMaker::Workteam"
WORKFORCE = "AWS::SageMaker::Workforce"
FLOW_DEFINITION = "AWS::SageMaker::FlowDefinition"
HUMAN_TASK_UI = "AWS::SageMaker::HumanTaskUi"
DEVICE_FLEET = "AWS::SageMaker::DeviceFleet"
MLFLOW = "AWS::SageMaker::MlflowTrackingServer"
MONITORING_SCHEDULE = "AWS::SageMaker::MonitoringSchedule"
DATA_QUALITY = "AWS::SageMaker::DataQualityJobDefinition"
MODEL_QUALITY = "AWS::SageMaker::ModelQualityJobDefinition"
MODEL_BIAS = "AWS::SageMaker::ModelBiasJobDefinition"
MODEL_EXPLAINABILITY = "AWS::SageMaker::ModelExplainabilityJobDefinition"
CLUSTER = "AWS::SageMaker::Cluster"

# (type, ARN kind): every type below is named, its ARN `…:KIND/NAME`.
_NAMED = (
    (NOTEBOOK_INSTANCE, "notebook-instance"),
    (NOTEBOOK_LIFECYCLE, "notebook-instance-lifecycle-config"),
    (ENDPOINT, "endpoint"),
    (ENDPOINT_CONFIG, "endpoint-config"),
    (MODEL, "model"),
    (INFERENCE_COMPONENT, "inference-component"),
    (PIPELINE, "pipeline"),
    (MODEL_PACKAGE_GROUP, "model-package-group"),
    (FEATURE_GROUP, "feature-group"),
    (PROJECT, "project"),
    (CODE_REPOSITORY, "code-repository"),
    (STUDIO_LIFECYCLE, "studio-lifecycle-config"),
    (IMAGE, "image"),
    (APP_IMAGE_CONFIG, "app-image-config"),
    (WORKFORCE, "workforce"),
    (FLOW_DEFINITION, "flow-definition"),
    (HUMAN_TASK_UI, "human-task-ui"),
    (DEVICE_FLEET, "device-fleet"),
    (MLFLOW, "mlflow-tracking-server"),
    (MONITORING_SCHEDULE, "monitoring-schedule"),
    (DATA_QUALITY, "data-quality-job-definition"),
    (MODEL_QUALITY, "model-quality-job-definition"),
    (MODEL_BIAS, "model-bias-job-definition"),
    (MODEL_EXPLAINABILITY, "model-explainability-job-definition"),
    (CLUSTER, "cluster"),
)
TYPES = (
    *(ResourceType(rtype, "name", f"{kind}/") for rtype, kind in _NAMED),
    ResourceType(DOMAIN, "id", "domain/"),
    # Workteams' ARNs are …:workteam/private-crowd/NAME.
    ResourceType(WORKTEAM, "name", "workteam/private-crowd/"),
)
ARN_KINDS = {
    **{("sagemaker", kind): rtype for rtype, kind in _NAMED},
    ("sagemaker", "domain"): DOMAIN,
    ("sagemaker", "workteam"): WORKTEAM,
}


def _req(member: str) -> str:
    return f"requestParameters.{member}"


DOMAIN_ID = _req("domainId")

# SageMaker API reference (JSON: members lower-case first).
RULES = [
    *lifecycle(SM, "NotebookInstance", NOTEBOOK_INSTANCE, _req("notebookInstanceName")),
    *lifecycle(
        SM,
        "NotebookInstanceLifecycleConfig",
        NOTEBOOK_LIFECYCLE,
        _req("notebookInstanceLifecycleConfigName"),
    ),
    *lifecycle(SM, "Domain", DOMAIN, DOMAIN_ID, created="responseElements.domainId"),
    on(
        SM,
        (
            "CreateUserProfile",
            "UpdateUserProfile",
            "DeleteUserProfile",
            "CreateSpace",
            "UpdateSpace",
            "DeleteSpace",
            "CreateApp",
            "DeleteApp",
        ),
        DOMAIN,
        UPDATE,
        DOMAIN_ID,
    ),
    *lifecycle(SM, "Endpoint", ENDPOINT, _req("endpointName")),
    on(SM, "UpdateEndpointWeightsAndCapacities", ENDPOINT, UPDATE, _req("endpointName")),
    on(SM, ("PutEndpointPolicy", "DeleteEndpointPolicy"), ENDPOINT, UPDATE, _req("endpointName")),
    *lifecycle(SM, "EndpointConfig", ENDPOINT_CONFIG, _req("endpointConfigName"), updates=()),
    *lifecycle(SM, "Model", MODEL, _req("modelName"), updates=()),
    *lifecycle(SM, "InferenceComponent", INFERENCE_COMPONENT, _req("inferenceComponentName")),
    on(
        SM,
        "UpdateInferenceComponentRuntimeConfig",
        INFERENCE_COMPONENT,
        UPDATE,
        _req("inferenceComponentName"),
    ),
    *lifecycle(SM, "Pipeline", PIPELINE, _req("pipelineName")),
    on(SM, "UpdatePipelineVersion", PIPELINE, UPDATE, _req("pipelineArn")),
    *lifecycle(
        SM, "ModelPackageGroup", MODEL_PACKAGE_GROUP, _req("modelPackageGroupName"), updates=()
    ),
    on(
        SM,
        ("PutModelPackageGroupPolicy", "DeleteModelPackageGroupPolicy"),
        MODEL_PACKAGE_GROUP,
        UPDATE,
        _req("modelPackageGroupName"),
    ),
    *lifecycle(SM, "FeatureGroup", FEATURE_GROUP, _req("featureGroupName")),
    on(SM, "UpdateFeatureMetadata", FEATURE_GROUP, UPDATE, _req("featureGroupName")),
    *lifecycle(SM, "Project", PROJECT, _req("projectName")),
    *lifecycle(SM, "CodeRepository", CODE_REPOSITORY, _req("codeRepositoryName")),
    *lifecycle(
        SM, "StudioLifecycleConfig", STUDIO_LIFECYCLE, _req("studioLifecycleConfigName"), updates=()
    ),
    *lifecycle(SM, "Image", IMAGE, _req("imageName")),
    on(
        SM,
        ("CreateImageVersion", "UpdateImageVersion", "DeleteImageVersion"),
        IMAGE,
        UPDATE,
        _req("imageName"),
    ),
    *lifecycle(SM, "AppImageConfig", APP_IMAGE_CONFIG, _req("appImageConfigName")),
    *lifecycle(SM, "Workteam", WORKTEAM, _req("workteamName")),
    *lifecycle(SM, "Workforce", WORKFORCE, _req("workforceName")),
    *lifecycle(SM, "FlowDefinition", FLOW_DEFINITION, _req("flowDefinitionName"), updates=()),
    *lifecycle(SM, "HumanTaskUi", HUMAN_TASK_UI, _req("humanTaskUiName"), updates=()),
    *lifecycle(SM, "DeviceFleet", DEVICE_FLEET, _req("deviceFleetName")),
    *lifecycle(SM, "MlflowTrackingServer", MLFLOW, _req("trackingServerName")),
    *lifecycle(SM, "MonitoringSchedule", MONITORING_SCHEDULE, _req("monitoringScheduleName")),
    *lifecycle(SM, "DataQualityJobDefinition", DATA_QUALITY, _req("jobDefinitionName"), updates=()),
    *lifecycle(
        SM, "ModelQualityJobDefinition", MODEL_QUALITY, _req("jobDefinitionName"), updates=()
    ),
    *lifecycle(SM, "ModelBiasJobDefinition", MODEL_BIAS, _req("jobDefinitionName"), updates=()),
    *lifecycle(
        SM,
        "ModelExplainabilityJobDefinition",
        MODEL_EXPLAINABILITY,
        _req("jobDefinitionName"),
        updates=(),
    ),
    *lifecycle(SM, "Cluster", CLUSTER, _req("clusterName")),
    on(SM, "UpdateClusterSoftware", CLUSTER, UPDATE, _req("clusterName")),
    on(SM, ("AddTags", "DeleteTags"), BY_ARN, UPDATE, _req("resourceArn")),
]

OPERATIONAL = [
    ops(
        SM,
        "ML work a team runs (jobs, pipeline executions, sessions, presigned URLs), and its "
        "experiments and lineage: not infrastructure IaC declares",
        """CreateTrainingJob StopTrainingJob UpdateTrainingJob DeleteTrainingJob
        CreateProcessingJob StopProcessingJob DeleteProcessingJob CreateTransformJob
        StopTransformJob CreateHyperParameterTuningJob StopHyperParameterTuningJob
        DeleteHyperParameterTuningJob CreateLabelingJob StopLabelingJob CreateAutoMLJob
        CreateAutoMLJobV2 StopAutoMLJob CreateCompilationJob StopCompilationJob
        DeleteCompilationJob CreateEdgePackagingJob StopEdgePackagingJob
        CreateInferenceRecommendationsJob StopInferenceRecommendationsJob CreateOptimizationJob
        StopOptimizationJob DeleteOptimizationJob CreateModelCardExportJob
        StartPipelineExecution StopPipelineExecution UpdatePipelineExecution
        RetryPipelineExecution SendPipelineExecutionStepSuccess
        SendPipelineExecutionStepFailure CreatePresignedDomainUrl
        CreatePresignedNotebookInstanceUrl CreatePresignedMlflowTrackingServerUrl
        CreatePresignedMlflowAppUrl CreatePartnerAppPresignedUrl CreateHubContentPresignedUrls
        StartNotebookInstance StopNotebookInstance StartMonitoringSchedule
        StopMonitoringSchedule StartMlflowTrackingServer StopMlflowTrackingServer StartSession
        StartClusterHealthCheck CreateExperiment UpdateExperiment DeleteExperiment CreateTrial
        UpdateTrial DeleteTrial CreateTrialComponent UpdateTrialComponent DeleteTrialComponent
        AssociateTrialComponent DisassociateTrialComponent CreateAction UpdateAction
        DeleteAction CreateArtifact UpdateArtifact DeleteArtifact CreateContext UpdateContext
        DeleteContext AddAssociation DeleteAssociation CreateTrainingSession
        StopTrainingSession DeleteTrainingSession CreateAIBenchmarkJob StopAIBenchmarkJob
        DeleteAIBenchmarkJob CreateAIRecommendationJob StopAIRecommendationJob
        DeleteAIRecommendationJob CreateJob StopJob DeleteJob""",
    ),
]

TERRAFORM = [
    tf("aws_sagemaker_notebook_instance", NOTEBOOK_INSTANCE, "name", "id", "arn"),
    tf(
        "aws_sagemaker_notebook_instance_lifecycle_configuration",
        NOTEBOOK_LIFECYCLE,
        "name",
        "id",
        "arn",
    ),
    tf("aws_sagemaker_domain", DOMAIN, "id", "arn"),
    *children(
        DOMAIN,
        "domain_id",
        "aws_sagemaker_user_profile",
        "aws_sagemaker_space",
        "aws_sagemaker_app",
    ),
    tf("aws_sagemaker_endpoint", ENDPOINT, "name", "id", "arn"),
    tf("aws_sagemaker_endpoint_configuration", ENDPOINT_CONFIG, "name", "id", "arn"),
    tf("aws_sagemaker_model", MODEL, "name", "id", "arn"),
    tf("aws_sagemaker_pipeline", PIPELINE, "pipeline_name", "id", "arn"),
    tf(
        "aws_sagemaker_model_package_group",
        MODEL_PACKAGE_GROUP,
        "model_package_group_name",
        "id",
        "arn",
    ),
    part_of(
        "aws_sagemaker_model_package_group_policy", MODEL_PACKAGE_GROUP, "model_package_group_name"
    ),
    tf("aws_sagemaker_feature_group", FEATURE_GROUP, "feature_group_name", "id", "arn"),
    tf("aws_sagemaker_project", PROJECT, "project_name", "id", "arn"),
    tf("aws_sagemaker_code_repository", CODE_REPOSITORY, "code_repository_name", "id", "arn"),
    tf(
        "aws_sagemaker_studio_lifecycle_config",
        STUDIO_LIFECYCLE,
        "studio_lifecycle_config_name",
        "id",
        "arn",
    ),
    tf("aws_sagemaker_image", IMAGE, "image_name", "id", "arn"),
    part_of("aws_sagemaker_image_version", IMAGE, "image_name"),
    tf("aws_sagemaker_app_image_config", APP_IMAGE_CONFIG, "app_image_config_name", "id", "arn"),
    tf("aws_sagemaker_workteam", WORKTEAM, "workteam_name", "id", "arn"),
    tf("aws_sagemaker_workforce", WORKFORCE, "workforce_name", "id", "arn"),
    tf("aws_sagemaker_flow_definition", FLOW_DEFINITION, "flow_definition_name", "id", "arn"),
    tf("aws_sagemaker_human_task_ui", HUMAN_TASK_UI, "human_task_ui_name", "id", "arn"),
    tf("aws_sagemaker_device_fleet", DEVICE_FLEET, "device_fleet_name", "id", "arn"),
    tf("aws_sagemaker_mlflow_tracking_server", MLFLOW, "tracking_server_name", "id", "arn"),
    tf("aws_sagemaker_monitoring_schedule", MONITORING_SCHEDULE, "name", "id", "arn"),
    tf("aws_sagemaker_data_quality_job_definition", DATA_QUALITY, "name", "id", "arn"),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("sagemaker",)
)
