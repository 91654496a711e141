"""EC2 compute: security groups, instances, volumes, snapshots, images, launch templates, key
pairs, account-wide EC2 settings and tags. Networking (VPC and friends) is in `vpc.py`.

EC2 logs two request shapes. Calls of the classic Query API use camelCase keys with
`…Set.items[]` lists (`requestParameters.instancesSet.items[].instanceId`); calls added later
log a PascalCase wrapper named after the request (`ModifyInstanceMetadataOptionsRequest`) and a
`…Response` wrapper whose members keep the XML names (`iamInstanceProfileAssociation.instanceId`).
"""

from __future__ import annotations

from bot.catalog.arns import kinds_from_prefixes
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_EC2_ID, CREATE, DELETE, UPDATE, by_name, ec2_param, ec2_result, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

EC2 = "ec2.amazonaws.com"

SG = "AWS::EC2::SecurityGroup"
INSTANCE = "AWS::EC2::Instance"
VOLUME = "AWS::EC2::Volume"
LAUNCH_TEMPLATE = "AWS::EC2::LaunchTemplate"
HOST = "AWS::EC2::Host"
CAPACITY_RESERVATION = "AWS::EC2::CapacityReservation"
EC2_FLEET = "AWS::EC2::EC2Fleet"
SPOT_FLEET = "AWS::EC2::SpotFleet"
PLACEMENT_GROUP = "AWS::EC2::PlacementGroup"
KEY_PAIR = "AWS::EC2::KeyPair"
IMAGE = "AWS::EC2::Image"
SNAPSHOT = "AWS::EC2::Snapshot"
EBS_ENCRYPTION_BY_DEFAULT = "AWS::EC2::EBSEncryptionByDefault"
SERIAL_CONSOLE_ACCESS = "AWS::EC2::SerialConsoleAccess"
IMAGE_BLOCK_PUBLIC_ACCESS = "AWS::EC2::ImageBlockPublicAccess"
SNAPSHOT_BLOCK_PUBLIC_ACCESS = "AWS::EC2::SnapshotBlockPublicAccess"
INSTANCE_METADATA_DEFAULTS = "AWS::EC2::InstanceMetadataDefaults"
SPOT_REQUEST = "AWS::EC2::SpotInstanceRequest"
CAPACITY_RESERVATION_FLEET = "AWS::EC2::CapacityReservationFleet"
SPOT_DATAFEED = "AWS::EC2::SpotDatafeedSubscription"
DEFAULT_CREDIT = "AWS::EC2::DefaultCreditSpecification"
ALLOWED_IMAGES = "AWS::EC2::AllowedImagesSettings"
INSTANCE_EVENT_WINDOW = "AWS::EC2::InstanceEventWindow"
FPGA_IMAGE = "AWS::EC2::FpgaImage"

TYPES = (
    # Server-made ids (sg-…, i-…), ARNs as ec2:REGION:ACCOUNT:TYPE/ID
    ResourceType(SG, "id", "security-group/"),
    ResourceType(INSTANCE, "id", "instance/"),
    ResourceType(VOLUME, "id", "volume/"),
    ResourceType(LAUNCH_TEMPLATE, "id", "launch-template/"),
    ResourceType(HOST, "id", "dedicated-host/"),
    ResourceType(CAPACITY_RESERVATION, "id", "capacity-reservation/"),
    ResourceType(EC2_FLEET, "id", "fleet/"),
    ResourceType(SPOT_FLEET, "id", "spot-fleet-request/"),
    ResourceType(PLACEMENT_GROUP, "id", "placement-group/"),
    # Key pairs are named by their key name (CloudFormation's physical id); ARNs carry the key-… id.
    ResourceType(KEY_PAIR, "name", "key-pair/"),
    # CloudFormation has no type for AMIs, snapshots or account-wide EC2 settings.
    ResourceType(IMAGE, "id", "image/", cfn=False),
    ResourceType(SNAPSHOT, "id", "snapshot/", cfn=False),
    ResourceType(EBS_ENCRYPTION_BY_DEFAULT, "account", cfn=False),
    ResourceType(SERIAL_CONSOLE_ACCESS, "account", cfn=False),
    ResourceType(IMAGE_BLOCK_PUBLIC_ACCESS, "account", cfn=False),
    ResourceType(SNAPSHOT_BLOCK_PUBLIC_ACCESS, "account", cfn=False),
    ResourceType(INSTANCE_METADATA_DEFAULTS, "account", cfn=False),
    ResourceType(SPOT_REQUEST, "id", "spot-instances-request/", cfn=False),
    ResourceType(CAPACITY_RESERVATION_FLEET, "id", "capacity-reservation-fleet/"),
    ResourceType(SPOT_DATAFEED, "account", cfn=False),
    ResourceType(DEFAULT_CREDIT, "account", cfn=False),
    ResourceType(ALLOWED_IMAGES, "account", cfn=False),
    ResourceType(INSTANCE_EVENT_WINDOW, "id", "instance-event-window/"),
    ResourceType(FPGA_IMAGE, "id", "fpga-image/", cfn=False),
)
# EC2 ARNs read ec2:REGION:ACCOUNT:KIND/ID, the kind being the type's ARN prefix.
ARN_KINDS = kinds_from_prefixes("ec2", TYPES)
# The prefix of an EC2 id tells its type; used for calls that touch many kinds (CreateTags).
EC2_ID_PREFIXES = {
    "sg-": SG,
    "i-": INSTANCE,
    "vol-": VOLUME,
    "lt-": LAUNCH_TEMPLATE,
    "h-": HOST,
    "cr-": CAPACITY_RESERVATION,
    "fleet-": EC2_FLEET,
    "sfr-": SPOT_FLEET,
    "key-": KEY_PAIR,
    "ami-": IMAGE,
    "snap-": SNAPSHOT,
    "pg-": PLACEMENT_GROUP,
    "sir-": SPOT_REQUEST,
    "crf-": CAPACITY_RESERVATION_FLEET,
    "iew-": INSTANCE_EVENT_WINDOW,
    "afi-": FPGA_IMAGE,
}

ACCOUNT_ID = "recipientAccountId"

RULES = [
    # Security groups: every rule change is an update of the group
    # Create/Authorize*: real records (panther-analysis, stratus-red-team). Newer Authorize*
    # responses also list the rules in securityGroupRuleSet, with the group id (stratus-red-team
    # record).
    # The group's name (unique within its VPC) is learned from its creation, so calls that
    # name a group only by `groupName` (default VPC, EC2-Classic style) resolve to its id.
    on(
        EC2,
        "CreateSecurityGroup",
        SG,
        CREATE,
        "responseElements.groupId",
        name="requestParameters.groupName",
        scope="requestParameters.vpcId",
    ),
    # API_DeleteSecurityGroup: the response now echoes groupId; older records of by-name deletes
    # carry only `groupName`.
    on(
        EC2,
        "DeleteSecurityGroup",
        SG,
        DELETE,
        "requestParameters.groupId || responseElements.groupId",
    ),
    by_name(EC2, "DeleteSecurityGroup", SG, DELETE, "requestParameters.groupName"),
    on(
        EC2,
        ("AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress"),
        SG,
        UPDATE,
        "requestParameters.groupId || responseElements.securityGroupRuleSet.items[].groupId",
    ),
    on(
        EC2,
        ("RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress"),
        SG,
        UPDATE,
        "requestParameters.groupId || responseElements.revokedSecurityGroupRuleSet.items[].groupId",
    ),
    by_name(
        EC2,
        ("AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress"),
        SG,
        UPDATE,
        "requestParameters.groupName",
    ),
    # PascalCase wrapper (EVENT-IDS.md #17; API_ModifySecurityGroupRules).
    on(
        EC2,
        "ModifySecurityGroupRules",
        SG,
        UPDATE,
        "requestParameters.ModifySecurityGroupRulesRequest.GroupId",
    ),
    # API_UpdateSecurityGroupRuleDescriptions*: the request shape is that of Authorize*; the
    # wrapper alternative covers a PascalCase logging of the same call (no sample seen).
    on(
        EC2,
        "UpdateSecurityGroupRuleDescriptionsIngress",
        SG,
        UPDATE,
        "requestParameters.groupId"
        " || requestParameters.UpdateSecurityGroupRuleDescriptionsIngressRequest.GroupId",
    ),
    on(
        EC2,
        "UpdateSecurityGroupRuleDescriptionsEgress",
        SG,
        UPDATE,
        "requestParameters.groupId"
        " || requestParameters.UpdateSecurityGroupRuleDescriptionsEgressRequest.GroupId",
    ),
    # Instances
    # RunInstances: one call, several instances (cloud-custodian record with two). State changes:
    # real records for Terminate/Stop/Start (awsdocs, panther-analysis, stratus-red-team).
    on(EC2, "RunInstances", INSTANCE, CREATE, "responseElements.instancesSet.items[].instanceId"),
    on(
        EC2,
        "TerminateInstances",
        INSTANCE,
        DELETE,
        "requestParameters.instancesSet.items[].instanceId",
    ),
    on(
        EC2,
        (
            "StopInstances",
            "StartInstances",
            "RebootInstances",
            "MonitorInstances",
            "UnmonitorInstances",
        ),
        INSTANCE,
        UPDATE,
        "requestParameters.instancesSet.items[].instanceId",
    ),
    on(EC2, "ModifyInstanceAttribute", INSTANCE, UPDATE, "requestParameters.instanceId"),
    on(
        EC2,
        "ModifyInstanceMetadataOptions",
        INSTANCE,
        UPDATE,
        "requestParameters.ModifyInstanceMetadataOptionsRequest.InstanceId"
        " || responseElements.ModifyInstanceMetadataOptionsResponse.instanceId",
    ),
    # Instance profiles: Associate names the instance; Replace/Disassociate only carry the
    # association id (iip-assoc-…) in the request, the instance id is in the response.
    on(
        EC2,
        "AssociateIamInstanceProfile",
        INSTANCE,
        UPDATE,
        "requestParameters.AssociateIamInstanceProfileRequest.InstanceId"
        " || responseElements.AssociateIamInstanceProfileResponse"
        ".iamInstanceProfileAssociation.instanceId",
    ),
    on(
        EC2,
        "ReplaceIamInstanceProfileAssociation",
        INSTANCE,
        UPDATE,
        "responseElements.ReplaceIamInstanceProfileAssociationResponse"
        ".iamInstanceProfileAssociation.instanceId",
    ),
    on(
        EC2,
        "DisassociateIamInstanceProfile",
        INSTANCE,
        UPDATE,
        "responseElements.DisassociateIamInstanceProfileResponse"
        ".iamInstanceProfileAssociation.instanceId",
    ),
    # Volumes
    # CreateVolume: real records (awsdocs KMS guide, cloud-custodian). Attach/Detach change the
    # volume and the instance it is attached to (API_AttachVolume, API_DetachVolume).
    on(EC2, "CreateVolume", VOLUME, CREATE, "responseElements.volumeId"),
    on(EC2, "DeleteVolume", VOLUME, DELETE, "requestParameters.volumeId"),
    on(EC2, ("AttachVolume", "DetachVolume"), VOLUME, UPDATE, "requestParameters.volumeId"),
    on(
        EC2,
        ("AttachVolume", "DetachVolume"),
        INSTANCE,
        UPDATE,
        "requestParameters.instanceId || responseElements.instanceId",
    ),
    on(
        EC2,
        "ModifyVolume",
        VOLUME,
        UPDATE,
        "requestParameters.ModifyVolumeRequest.VolumeId"
        " || responseElements.ModifyVolumeResponse.volumeModification.volumeId",
    ),
    # Snapshots and images
    # ModifySnapshotAttribute / ModifyImageAttribute / CreateImage: real records (panther-analysis,
    # stratus-red-team, streamalert). The rest: API_CreateSnapshot, API_CopySnapshot, API_CopyImage,
    # API_RegisterImage (new ids in the response), API_DeleteSnapshot, API_DeregisterImage.
    on(EC2, ("CreateSnapshot", "CopySnapshot"), SNAPSHOT, CREATE, "responseElements.snapshotId"),
    on(EC2, "DeleteSnapshot", SNAPSHOT, DELETE, "requestParameters.snapshotId"),
    on(EC2, "ModifySnapshotAttribute", SNAPSHOT, UPDATE, "requestParameters.snapshotId"),
    on(
        EC2,
        ("CreateImage", "RegisterImage", "CopyImage"),
        IMAGE,
        CREATE,
        "responseElements.imageId",
    ),
    on(EC2, "DeregisterImage", IMAGE, DELETE, "requestParameters.imageId"),
    on(EC2, "ModifyImageAttribute", IMAGE, UPDATE, "requestParameters.imageId"),
    # Launch templates (PascalCase wrappers; the response names the template by id)
    on(
        EC2,
        "CreateLaunchTemplate",
        LAUNCH_TEMPLATE,
        CREATE,
        "responseElements.CreateLaunchTemplateResponse.launchTemplate.launchTemplateId",
    ),
    on(
        EC2,
        "CreateLaunchTemplateVersion",
        LAUNCH_TEMPLATE,
        UPDATE,
        "responseElements.CreateLaunchTemplateVersionResponse"
        ".launchTemplateVersion.launchTemplateId"
        " || requestParameters.CreateLaunchTemplateVersionRequest.LaunchTemplateId",
    ),
    on(
        EC2,
        "ModifyLaunchTemplate",
        LAUNCH_TEMPLATE,
        UPDATE,
        "responseElements.ModifyLaunchTemplateResponse.launchTemplate.launchTemplateId"
        " || requestParameters.ModifyLaunchTemplateRequest.LaunchTemplateId",
    ),
    on(
        EC2,
        "DeleteLaunchTemplate",
        LAUNCH_TEMPLATE,
        DELETE,
        "responseElements.DeleteLaunchTemplateResponse.launchTemplate.launchTemplateId"
        " || requestParameters.DeleteLaunchTemplateRequest.LaunchTemplateId",
    ),
    # One deleted version logs `item` as an object, several as a list.
    on(
        EC2,
        "DeleteLaunchTemplateVersions",
        LAUNCH_TEMPLATE,
        UPDATE,
        "responseElements.DeleteLaunchTemplateVersionsResponse"
        ".successfullyDeletedLaunchTemplateVersionSet.item.launchTemplateId"
        " || responseElements.DeleteLaunchTemplateVersionsResponse"
        ".successfullyDeletedLaunchTemplateVersionSet.item[].launchTemplateId"
        " || requestParameters.DeleteLaunchTemplateVersionsRequest.LaunchTemplateId",
    ),
    # Key pairs: Terraform and CloudFormation name them by key name
    # CreateKeyPair: real record (awsdocs CloudTrail user guide). API_ImportKeyPair,
    # API_DeleteKeyPair (deletes may give the key-… id instead of the name).
    on(EC2, ("CreateKeyPair", "ImportKeyPair"), KEY_PAIR, CREATE, "requestParameters.keyName"),
    on(
        EC2,
        "DeleteKeyPair",
        KEY_PAIR,
        DELETE,
        "requestParameters.keyName || requestParameters.keyPairId",
    ),
    # Account-wide settings, keyed by account id
    # DisableEbsEncryptionByDefault (panther-analysis) and EnableSerialConsoleAccess
    # (stratus-red-team): real records. The others: their API reference pages.
    on(
        EC2,
        (
            "EnableEbsEncryptionByDefault",
            "DisableEbsEncryptionByDefault",
            "ModifyEbsDefaultKmsKeyId",
            "ResetEbsDefaultKmsKeyId",
        ),
        EBS_ENCRYPTION_BY_DEFAULT,
        UPDATE,
        ACCOUNT_ID,
    ),
    on(
        EC2,
        ("EnableSerialConsoleAccess", "DisableSerialConsoleAccess"),
        SERIAL_CONSOLE_ACCESS,
        UPDATE,
        ACCOUNT_ID,
    ),
    on(
        EC2,
        ("EnableImageBlockPublicAccess", "DisableImageBlockPublicAccess"),
        IMAGE_BLOCK_PUBLIC_ACCESS,
        UPDATE,
        ACCOUNT_ID,
    ),
    on(
        EC2,
        ("EnableSnapshotBlockPublicAccess", "DisableSnapshotBlockPublicAccess"),
        SNAPSHOT_BLOCK_PUBLIC_ACCESS,
        UPDATE,
        ACCOUNT_ID,
    ),
    on(EC2, "ModifyInstanceMetadataDefaults", INSTANCE_METADATA_DEFAULTS, UPDATE, ACCOUNT_ID),
    # Tags on any EC2 resource: the id prefix names the type (EVENT-IDS.md #12)
    on(
        EC2,
        ("CreateTags", "DeleteTags"),
        BY_EC2_ID,
        UPDATE,
        "requestParameters.resourcesSet.items[].resourceId",
    ),
    # Capacity: reservations, EC2 fleets, Spot fleets, Dedicated Hosts, placement groups.
    # Calls from 2018 on log `…Request` / `…Response` wrappers; both shapes are read.
    on(
        EC2,
        "CreateCapacityReservation",
        CAPACITY_RESERVATION,
        CREATE,
        "responseElements.CreateCapacityReservationResponse.capacityReservation"
        ".capacityReservationId || responseElements.capacityReservation.capacityReservationId",
    ),
    on(
        EC2,
        "ModifyCapacityReservation",
        CAPACITY_RESERVATION,
        UPDATE,
        "requestParameters.ModifyCapacityReservationRequest.CapacityReservationId"
        " || requestParameters.capacityReservationId",
    ),
    on(
        EC2,
        "CancelCapacityReservation",
        CAPACITY_RESERVATION,
        DELETE,
        "requestParameters.CancelCapacityReservationRequest.CapacityReservationId"
        " || requestParameters.capacityReservationId",
    ),
    on(
        EC2,
        "CreateFleet",
        EC2_FLEET,
        CREATE,
        "responseElements.CreateFleetResponse.fleetId || responseElements.fleetId",
    ),
    on(
        EC2,
        "ModifyFleet",
        EC2_FLEET,
        UPDATE,
        "requestParameters.ModifyFleetRequest.FleetId || requestParameters.fleetId",
    ),
    on(
        EC2,
        "DeleteFleets",
        EC2_FLEET,
        DELETE,
        "requestParameters.DeleteFleetsRequest.FleetId.content"
        " || requestParameters.DeleteFleetsRequest.FleetId[].content",
    ),
    on(
        EC2,
        "RequestSpotFleet",
        SPOT_FLEET,
        CREATE,
        "responseElements.spotFleetRequestId"
        " || responseElements.RequestSpotFleetResponse.spotFleetRequestId",
    ),
    on(EC2, "ModifySpotFleetRequest", SPOT_FLEET, UPDATE, "requestParameters.spotFleetRequestId"),
    on(
        EC2,
        "CancelSpotFleetRequests",
        SPOT_FLEET,
        DELETE,
        "requestParameters.spotFleetRequestIdSet.items[].spotFleetRequestId",
    ),
    on(
        EC2,
        "AllocateHosts",
        HOST,
        CREATE,
        "responseElements.hostIdSet.items[].hostId"
        " || responseElements.AllocateHostsResponse.hostIdSet.item",
    ),
    on(
        EC2,
        "ModifyHosts",
        HOST,
        UPDATE,
        "requestParameters.hostIdSet.items[].hostId",
    ),
    on(
        EC2,
        "ReleaseHosts",
        HOST,
        DELETE,
        "requestParameters.hostIdSet.items[].hostId",
    ),
    on(EC2, "CreatePlacementGroup", PLACEMENT_GROUP, CREATE, "requestParameters.groupName"),
    on(EC2, "DeletePlacementGroup", PLACEMENT_GROUP, DELETE, "requestParameters.groupName"),
    # Snapshots of all of an instance's volumes at once (API_CreateSnapshots).
    on(
        EC2,
        "CreateSnapshots",
        SNAPSHOT,
        CREATE,
        "responseElements.snapshotSet.items[].snapshotId"
        " || responseElements.CreateSnapshotsResponse.snapshotSet.item[].snapshotId",
    ),
    on(
        EC2,
        ("EnableImageDeprecation", "DisableImageDeprecation"),
        IMAGE,
        UPDATE,
        "requestParameters.EnableImageDeprecationRequest.ImageId"
        " || requestParameters.DisableImageDeprecationRequest.ImageId"
        " || requestParameters.imageId",
    ),
    # Spot Instance requests (API_RequestSpotInstances, API_CancelSpotInstanceRequests): the
    # instances they launch are logged as RunInstances by the Spot service.
    on(
        EC2,
        "RequestSpotInstances",
        SPOT_REQUEST,
        CREATE,
        "responseElements.spotInstanceRequestSet.items[].spotInstanceRequestId",
    ),
    on(
        EC2,
        "CancelSpotInstanceRequests",
        SPOT_REQUEST,
        DELETE,
        "requestParameters.spotInstanceRequestIdSet.items[].spotInstanceRequestId",
    ),
    # More instance settings, each naming the instance (API reference; calls from 2019 on log
    # a `…Request` wrapper, so both shapes are read).
    *(
        on(EC2, call, INSTANCE, UPDATE, ec2_param(call, "InstanceId"))
        for call in (
            "ResetInstanceAttribute",
            "ModifyInstancePlacement",
            "ModifyInstanceCpuOptions",
            "ModifyInstanceMaintenanceOptions",
            "ModifyInstanceNetworkPerformanceOptions",
            "ModifyInstanceCapacityReservationAttributes",
            "ModifyPrivateDnsNameOptions",
            "AttachClassicLinkVpc",
            "DetachClassicLinkVpc",
            "CreateReplaceRootVolumeTask",
        )
    ),
    on(
        EC2,
        "ModifyInstanceCreditSpecification",
        INSTANCE,
        UPDATE,
        "requestParameters.ModifyInstanceCreditSpecificationRequest"
        ".InstanceCreditSpecification[].InstanceId"
        " || requestParameters.instanceCreditSpecificationSet.items[].instanceId",
    ),
    # Volumes, snapshots and images: more of their settings.
    *(
        on(EC2, call, VOLUME, UPDATE, ec2_param(call, "VolumeId"))
        for call in ("ModifyVolumeAttribute", "EnableVolumeIO")
    ),
    on(
        EC2,
        "RestoreVolumeFromRecycleBin",
        VOLUME,
        CREATE,
        ec2_param("RestoreVolumeFromRecycleBin", "VolumeId"),
    ),
    on(EC2, "CopyVolumes", VOLUME, CREATE, ec2_result("CopyVolumes", "volumeSet.items[].volumeId")),
    *(
        on(EC2, call, SNAPSHOT, UPDATE, ec2_param(call, "SnapshotId"))
        for call in (
            "ResetSnapshotAttribute",
            "LockSnapshot",
            "UnlockSnapshot",
            "ModifySnapshotTier",
            "RestoreSnapshotTier",
        )
    ),
    on(
        EC2,
        "RestoreSnapshotFromRecycleBin",
        SNAPSHOT,
        CREATE,
        ec2_param("RestoreSnapshotFromRecycleBin", "SnapshotId"),
    ),
    on(
        EC2,
        ("EnableFastSnapshotRestores", "DisableFastSnapshotRestores"),
        SNAPSHOT,
        UPDATE,
        "requestParameters.EnableFastSnapshotRestoresRequest.SourceSnapshotId[].content"
        " || requestParameters.EnableFastSnapshotRestoresRequest.SourceSnapshotId.content"
        " || requestParameters.DisableFastSnapshotRestoresRequest.SourceSnapshotId[].content"
        " || requestParameters.DisableFastSnapshotRestoresRequest.SourceSnapshotId.content"
        " || requestParameters.sourceSnapshotIdSet.items[].sourceSnapshotId",
    ),
    *(
        on(EC2, call, IMAGE, UPDATE, ec2_param(call, "ImageId"))
        for call in (
            "ResetImageAttribute",
            "EnableImage",
            "DisableImage",
            "EnableImageDeregistrationProtection",
            "DisableImageDeregistrationProtection",
            "EnableFastLaunch",
            "DisableFastLaunch",
            "CancelImageLaunchPermission",
            "AttachImageWatermark",
            "DetachImageWatermark",
            "ReplaceImageInstanceTypeSpecification",
        )
    ),
    on(
        EC2,
        "RestoreImageFromRecycleBin",
        IMAGE,
        CREATE,
        ec2_param("RestoreImageFromRecycleBin", "ImageId"),
    ),
    on(
        EC2,
        ("CreateRestoreImageTask", "ImportImage"),
        IMAGE,
        CREATE,
        "responseElements.CreateRestoreImageTaskResponse.imageId"
        " || responseElements.ImportImageResponse.imageId || responseElements.imageId",
    ),
    on(
        EC2,
        "ImportSnapshot",
        SNAPSHOT,
        CREATE,
        ec2_result("ImportSnapshot", "snapshotTaskDetail.snapshotId"),
    ),
    # Capacity Reservation Fleets, billing and splits of reservations.
    on(
        EC2,
        "CreateCapacityReservationFleet",
        CAPACITY_RESERVATION_FLEET,
        CREATE,
        ec2_result("CreateCapacityReservationFleet", "capacityReservationFleetId"),
    ),
    on(
        EC2,
        "ModifyCapacityReservationFleet",
        CAPACITY_RESERVATION_FLEET,
        UPDATE,
        ec2_param("ModifyCapacityReservationFleet", "CapacityReservationFleetId"),
    ),
    on(
        EC2,
        "CancelCapacityReservationFleets",
        CAPACITY_RESERVATION_FLEET,
        DELETE,
        "requestParameters.CancelCapacityReservationFleetsRequest.CapacityReservationFleetId"
        "[].content"
        " || requestParameters.CancelCapacityReservationFleetsRequest"
        ".CapacityReservationFleetId.content",
    ),
    *(
        on(EC2, call, CAPACITY_RESERVATION, UPDATE, ec2_param(call, "CapacityReservationId"))
        for call in (
            "AssociateCapacityReservationBillingOwner",
            "DisassociateCapacityReservationBillingOwner",
            "AcceptCapacityReservationBillingOwnership",
            "RejectCapacityReservationBillingOwnership",
            "CreateInterruptibleCapacityReservationAllocation",
            "UpdateInterruptibleCapacityReservationAllocation",
        )
    ),
    on(
        EC2,
        ("CreateCapacityReservationBySplitting", "MoveCapacityReservationInstances"),
        CAPACITY_RESERVATION,
        UPDATE,
        "requestParameters.CreateCapacityReservationBySplittingRequest.SourceCapacityReservationId"
        " || requestParameters.MoveCapacityReservationInstancesRequest"
        ".SourceCapacityReservationId || requestParameters.sourceCapacityReservationId",
    ),
    on(
        EC2,
        "CreateCapacityReservationBySplitting",
        CAPACITY_RESERVATION,
        CREATE,
        ec2_result(
            "CreateCapacityReservationBySplitting",
            "destinationCapacityReservation.capacityReservationId",
        ),
    ),
    on(
        EC2,
        "MoveCapacityReservationInstances",
        CAPACITY_RESERVATION,
        UPDATE,
        ec2_param("MoveCapacityReservationInstances", "DestinationCapacityReservationId"),
    ),
    # Instance event windows (scheduled maintenance), by iew- id.
    on(
        EC2,
        "CreateInstanceEventWindow",
        INSTANCE_EVENT_WINDOW,
        CREATE,
        ec2_result("CreateInstanceEventWindow", "instanceEventWindow.instanceEventWindowId"),
    ),
    *(
        on(EC2, call, INSTANCE_EVENT_WINDOW, UPDATE, ec2_param(call, "InstanceEventWindowId"))
        for call in (
            "ModifyInstanceEventWindow",
            "AssociateInstanceEventWindow",
            "DisassociateInstanceEventWindow",
        )
    ),
    on(
        EC2,
        "DeleteInstanceEventWindow",
        INSTANCE_EVENT_WINDOW,
        DELETE,
        ec2_param("DeleteInstanceEventWindow", "InstanceEventWindowId"),
    ),
    # FPGA images (F1 instances), by afi- id.
    on(
        EC2,
        ("CreateFpgaImage", "CopyFpgaImage"),
        FPGA_IMAGE,
        CREATE,
        "responseElements.CreateFpgaImageResponse.fpgaImageId"
        " || responseElements.CopyFpgaImageResponse.fpgaImageId || responseElements.fpgaImageId",
    ),
    *(
        on(EC2, call, FPGA_IMAGE, UPDATE, ec2_param(call, "FpgaImageId"))
        for call in ("ModifyFpgaImageAttribute", "ResetFpgaImageAttribute")
    ),
    on(EC2, "DeleteFpgaImage", FPGA_IMAGE, DELETE, ec2_param("DeleteFpgaImage", "FpgaImageId")),
    # Account-wide settings of the region.
    on(
        EC2,
        ("CreateSpotDatafeedSubscription", "DeleteSpotDatafeedSubscription"),
        SPOT_DATAFEED,
        UPDATE,
        ACCOUNT_ID,
    ),
    on(EC2, "ModifyDefaultCreditSpecification", DEFAULT_CREDIT, UPDATE, ACCOUNT_ID),
    on(
        EC2,
        (
            "EnableAllowedImagesSettings",
            "DisableAllowedImagesSettings",
            "ReplaceImageCriteriaInAllowedImagesSettings",
        ),
        ALLOWED_IMAGES,
        UPDATE,
        ACCOUNT_ID,
    ),
    # A Capacity Block bought is a capacity reservation made (API_PurchaseCapacityBlock).
    on(
        EC2,
        "PurchaseCapacityBlock",
        CAPACITY_RESERVATION,
        CREATE,
        ec2_result("PurchaseCapacityBlock", "capacityReservation.capacityReservationId"),
    ),
]

OPERATIONAL = [
    ops(
        EC2,
        "tasks and reports that change no configuration once done: bundles, exports, imports "
        "of instances and volumes (their results are read as their own calls), image usage "
        "reports, declarative policy reports, Mac volume tasks",
        """CancelBundleTask CancelConversionTask CancelExportTask CancelImportTask
        CreateInstanceExportTask CreateStoreImageTask ImportInstance ImportVolume
        CreateImageUsageReport DeleteImageUsageReport StartDeclarativePoliciesReport
        CancelDeclarativePoliciesReport CreateDelegateMacVolumeOwnershipTask
        CreateMacSystemIntegrityProtectionModificationTask ModifyInstanceEventStartTime""",
    ),
    ops(
        EC2,
        "Reserved Instances and capacity quotes are purchases and billing, not configuration",
        """AcceptReservedInstancesExchangeQuote ModifyReservedInstances
        CreateReservedInstancesListing CancelReservedInstancesListing
        DeleteQueuedReservedInstances CreateCapacityReservationCancellationQuote
        CreateCapacityReservationDateChangeQuote""",
    ),
    ops(
        EC2,
        "account preferences without IaC: long id formats, Availability Zone group opt-in, "
        "instance tags in event notifications, Capacity Manager, network performance metric "
        "subscriptions, SQL Server HA detection, status check suppression",
        """ModifyIdFormat ModifyIdentityIdFormat ModifyAvailabilityZoneGroup
        RegisterInstanceEventNotificationAttributes DeregisterInstanceEventNotificationAttributes
        EnableCapacityManager DisableCapacityManager UpdateCapacityManagerOrganizationsAccess
        UpdateCapacityManagerMonitoredTagKeys CreateCapacityManagerDataExport
        DeleteCapacityManagerDataExport EnableAwsNetworkPerformanceMetricSubscription
        DisableAwsNetworkPerformanceMetricSubscription EnableInstanceSqlHaStandbyDetections
        DisableInstanceSqlHaStandbyDetections EnableApplicationStatusCheckSuppression
        DisableApplicationStatusCheckSuppression CreateMetricCategory ModifyMetricCategory
        DeleteMetricCategory ModifyManagedResourceVisibility""",
    ),
    ops(
        EC2,
        "Nitro Enclaves certificate roles and application status checks: preview features "
        "with no IaC type",
        """AssociateEnclaveCertificateIamRole DisassociateEnclaveCertificateIamRole
        CreateApplicationStatusCheck ModifyApplicationStatusCheck DeleteApplicationStatusCheck
        AssociateApplicationStatusCheck DisassociateApplicationStatusCheck""",
    ),
    ops(
        EC2,
        "purchases (Reserved Instances, host reservations, scheduled instances, Capacity Block "
        "extensions), BYOIP address ranges provisioned to or withdrawn from AWS, Marketplace "
        "product codes confirmed",
        """PurchaseReservedInstancesOffering PurchaseHostReservation PurchaseScheduledInstances
        PurchaseCapacityBlockExtension ProvisionByoipCidr DeprovisionByoipCidr
        ProvisionPublicIpv4PoolCidr DeprovisionPublicIpv4PoolCidr ConfirmProductInstance""",
    ),
]

TERRAFORM = [
    # Security groups: their rules are parts of the group.
    tf("aws_security_group", SG, "id", "arn", name="name", scope="vpc_id"),
    tf("aws_default_security_group", SG, "id", "arn", name="name", scope="vpc_id"),
    *children(
        SG,
        "security_group_id",
        "aws_security_group_rule",
        "aws_vpc_security_group_ingress_rule",
        "aws_vpc_security_group_egress_rule",
    ),
    tf("aws_instance", INSTANCE, "id", "arn"),
    # A Spot request's `id` is the sir-… request; the instance it launched is also its own.
    tf("aws_spot_instance_request", SPOT_REQUEST, "id", also=((INSTANCE, "spot_instance_id"),)),
    tf("aws_spot_datafeed_subscription", SPOT_DATAFEED, STATE_ACCOUNT),
    tf("aws_ec2_capacity_block_reservation", CAPACITY_RESERVATION, "id", "arn"),
    tf("aws_ebs_volume", VOLUME, "id", "arn"),
    part_of("aws_volume_attachment", VOLUME, "volume_id"),
    tf("aws_launch_template", LAUNCH_TEMPLATE, "id", "arn"),
    # The key name is what CloudFormation and most calls use; newer calls log the key-… id.
    tf("aws_key_pair", KEY_PAIR, "key_name", "key_pair_id", "id"),
    tf("aws_placement_group", PLACEMENT_GROUP, "name", "placement_group_id"),
    tf("aws_ami", IMAGE, "id", "arn"),
    tf("aws_ami_copy", IMAGE, "id", "arn"),
    tf("aws_ami_from_instance", IMAGE, "id", "arn"),
    part_of("aws_ami_launch_permission", IMAGE, "image_id"),
    tf("aws_ebs_snapshot", SNAPSHOT, "id", "arn"),
    tf("aws_ebs_snapshot_copy", SNAPSHOT, "id", "arn"),
    part_of("aws_snapshot_create_volume_permission", SNAPSHOT, "snapshot_id"),
    tf("aws_ec2_host", HOST, "id", "arn"),
    tf("aws_ec2_capacity_reservation", CAPACITY_RESERVATION, "id", "arn"),
    tf("aws_ec2_fleet", EC2_FLEET, "id"),
    tf("aws_spot_fleet_request", SPOT_FLEET, "id"),
    # Account-wide settings: no account id in the state, hence STATE_ACCOUNT.
    tf("aws_ebs_encryption_by_default", EBS_ENCRYPTION_BY_DEFAULT, STATE_ACCOUNT),
    tf("aws_ebs_default_kms_key", EBS_ENCRYPTION_BY_DEFAULT, STATE_ACCOUNT),
    tf("aws_ec2_serial_console_access", SERIAL_CONSOLE_ACCESS, STATE_ACCOUNT),
    tf("aws_ec2_image_block_public_access", IMAGE_BLOCK_PUBLIC_ACCESS, STATE_ACCOUNT),
    tf("aws_ebs_snapshot_block_public_access", SNAPSHOT_BLOCK_PUBLIC_ACCESS, STATE_ACCOUNT),
    tf("aws_ec2_instance_metadata_defaults", INSTANCE_METADATA_DEFAULTS, STATE_ACCOUNT),
    tf("aws_ec2_default_credit_specification", DEFAULT_CREDIT, STATE_ACCOUNT),
    tf("aws_ec2_allowed_images_settings", ALLOWED_IMAGES, STATE_ACCOUNT),
    part_of("aws_ebs_fast_snapshot_restore", SNAPSHOT, "snapshot_id"),
    tf("aws_ebs_snapshot_import", SNAPSHOT, "id", "arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    ec2_id_prefixes=EC2_ID_PREFIXES,
    models=("ec2",),
    casing="ec2",
    operational=OPERATIONAL,
    unreachable={
        setting: "an account-wide setting of the region: it always exists, the Enable/"
        "Disable/Modify calls change it"
        for setting in (
            EBS_ENCRYPTION_BY_DEFAULT,
            SERIAL_CONSOLE_ACCESS,
            IMAGE_BLOCK_PUBLIC_ACCESS,
            SNAPSHOT_BLOCK_PUBLIC_ACCESS,
            INSTANCE_METADATA_DEFAULTS,
            SPOT_DATAFEED,
            DEFAULT_CREDIT,
            ALLOWED_IMAGES,
        )
    },
)
