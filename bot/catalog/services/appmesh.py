"""App Mesh: meshes (by name), virtual gateways and virtual nodes (by ARN)."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

MESH_SRC = "appmesh.amazonaws.com"
MESH = "AWS::AppMesh::Mesh"

# cloud-custodian event-appmesh-create-{mesh,virtualgateway,virtualnode} records; API reference.
on(MESH_SRC, "CreateMesh", MESH, CREATE, "requestParameters.meshName")
on(MESH_SRC, "UpdateMesh", MESH, UPDATE, "requestParameters.meshName")
on(MESH_SRC, "DeleteMesh", MESH, DELETE, "requestParameters.meshName")

# Every gateway/node call returns the object with its ARN under `metadata`.
for noun, rtype, key in (
    ("VirtualGateway", "AWS::AppMesh::VirtualGateway", "virtualGateway"),
    ("VirtualNode", "AWS::AppMesh::VirtualNode", "virtualNode"),
):
    arn = f"responseElements.{key}.metadata.arn"
    on(MESH_SRC, f"Create{noun}", rtype, CREATE, arn)
    on(MESH_SRC, f"Update{noun}", rtype, UPDATE, arn)
    on(MESH_SRC, f"Delete{noun}", rtype, DELETE, arn)
