"""App Mesh: meshes (by name), virtual gateways and virtual nodes (by ARN)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

MESH_SRC = "appmesh.amazonaws.com"

MESH = "AWS::AppMesh::Mesh"
VIRTUAL_GATEWAY = "AWS::AppMesh::VirtualGateway"
VIRTUAL_NODE = "AWS::AppMesh::VirtualNode"

TYPES = (
    ResourceType(MESH, "name", "mesh/"),
    ResourceType(VIRTUAL_GATEWAY, "arn"),
    ResourceType(VIRTUAL_NODE, "arn"),
)

GATEWAY_ARN = "responseElements.virtualGateway.metadata.arn"
NODE_ARN = "responseElements.virtualNode.metadata.arn"

# cloud-custodian event-appmesh-create-{mesh,virtualgateway,virtualnode} records; API reference.
RULES = [
    on(MESH_SRC, "CreateMesh", MESH, CREATE, "requestParameters.meshName"),
    on(MESH_SRC, "UpdateMesh", MESH, UPDATE, "requestParameters.meshName"),
    on(MESH_SRC, "DeleteMesh", MESH, DELETE, "requestParameters.meshName"),
    # Every gateway/node call returns the object with its ARN under `metadata`.
    on(MESH_SRC, "CreateVirtualGateway", VIRTUAL_GATEWAY, CREATE, GATEWAY_ARN),
    on(MESH_SRC, "UpdateVirtualGateway", VIRTUAL_GATEWAY, UPDATE, GATEWAY_ARN),
    on(MESH_SRC, "DeleteVirtualGateway", VIRTUAL_GATEWAY, DELETE, GATEWAY_ARN),
    on(MESH_SRC, "CreateVirtualNode", VIRTUAL_NODE, CREATE, NODE_ARN),
    on(MESH_SRC, "UpdateVirtualNode", VIRTUAL_NODE, UPDATE, NODE_ARN),
    on(MESH_SRC, "DeleteVirtualNode", VIRTUAL_NODE, DELETE, NODE_ARN),
]

SERVICE = Service(TYPES, RULES, models=("appmesh",))
