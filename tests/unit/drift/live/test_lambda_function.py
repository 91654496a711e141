"""AWS::Lambda::Function against GetFunction."""

from __future__ import annotations

from tests.live_state import ACCOUNT, check, owners


def test_lambda_defaults_fill_what_the_state_leaves_unset():
    """An old state without architectures, storage or tracing reads like AWS's defaults."""
    attrs = {
        "function_name": "thumb",
        "id": "thumb",
        "runtime": "python3.12",
        "handler": "index.handler",
        "role": f"arn:aws:iam::{ACCOUNT}:role/lr",
        "timeout": 3,
        "memory_size": 128,
        "environment": [],
        "layers": [],
        "vpc_config": [],
        "description": "",
        "tags": {},
    }
    found = owners("AWS::Lambda::Function", "thumb", ("aws_lambda_function", attrs))
    live = {
        "Configuration": {
            "Runtime": "python3.12",
            "Handler": "index.handler",
            "Role": f"arn:aws:iam::{ACCOUNT}:role/lr",
            "Timeout": 3,
            "MemorySize": 128,
            "Description": "",
            "Architectures": ["x86_64"],
            "EphemeralStorage": {"Size": 512},
            "TracingConfig": {"Mode": "PassThrough"},
            "VpcConfig": {"SubnetIds": [], "SecurityGroupIds": [], "VpcId": ""},
        },
        "Tags": {},
    }

    assert check("AWS::Lambda::Function", found, live) == []
