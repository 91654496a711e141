"""drift.yml: where an environment's IaC state comes from. Models only; no I/O.

state: [{terraform: PATH_OR_S3_URL}, {cloudformation: {...}}, {pulumi: PATH_OR_S3_URL}]
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag, model_validator

from bot.config.model import StrictModel
from bot.messages import config as say


class SourceLink(StrictModel):
    """Every state entry may say where its IaC lives (a repository or folder): the Slack card
    links it."""

    source_url: str | None = Field(default=None, description="the IaC's repository or folder")


class TerraformState(SourceLink):
    """A Terraform state: a local file or `s3://bucket/key`, optionally several workspaces."""

    terraform: str = Field(min_length=1)
    version_id: str | None = Field(default=None, description="an S3 object version")
    workspaces: list[str] | Literal["*"] | None = Field(
        default=None, description='S3 backend workspaces (env:/NAME/KEY), or "*" for all'
    )
    workspace_key_prefix: str = "env:"


class CloudFormationStacks(StrictModel):
    """Which stacks: by name, by name prefix, by tags (all given tags must match)."""

    stacks: list[str] = Field(default_factory=list)
    prefix: str | None = None
    tags: dict[str, str] = Field(default_factory=dict)
    regions: list[str] | None = Field(default=None, description="default: the environment's")

    @model_validator(mode="after")
    def _some_selector(self) -> CloudFormationStacks:
        if not (self.stacks or self.prefix or self.tags):
            raise ValueError(say.expected_stack_selector())
        return self


class CloudFormationState(SourceLink):
    cloudformation: CloudFormationStacks


class PulumiState(SourceLink):
    """A `pulumi stack export` file, or the S3 backend (`s3://bucket` with project and stack,
    or the full `s3://bucket/.pulumi/stacks/PROJECT/STACK.json`)."""

    pulumi: str = Field(min_length=1)
    project: str | None = None
    stack: str | None = None


# Each kind of state entry is named by its one required key (`terraform:`, …).
STATE_MODELS: dict[str, type[StrictModel]] = {
    "terraform": TerraformState,
    "cloudformation": CloudFormationState,
    "pulumi": PulumiState,
}


_KIND_OF = {model: kind for kind, model in STATE_MODELS.items()}


def state_kind(entry: StrictModel) -> str:
    """`terraform`, `cloudformation` or `pulumi`: the kind of a parsed state entry."""
    return _KIND_OF[type(entry)]


def _state_tag(value: Any) -> str | None:
    if isinstance(value, dict):
        kind = next((k for k in STATE_MODELS if k in value), None)
    else:
        kind = _KIND_OF.get(type(value))
    return None if kind is None else f"kind:{kind}"


StateRef = Annotated[
    Annotated[TerraformState, Tag("kind:terraform")]
    | Annotated[CloudFormationState, Tag("kind:cloudformation")]
    | Annotated[PulumiState, Tag("kind:pulumi")],
    Discriminator(
        _state_tag,
        custom_error_type="state_kind",
        custom_error_message=say.expected_state_entry(),
    ),
]
