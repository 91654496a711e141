"""IaC state that could not be read: Terraform, CloudFormation and Pulumi, on disk or in S3.
Each returns (message, hint)."""

from __future__ import annotations

from bot.messages import Message

TERRAFORM_PULL = "Point `state:` at the file `terraform state pull` writes."
PULUMI_EXPORT = "Point `state: - pulumi:` at the file `pulumi stack export --file FILE` writes."
# A state file on disk, by backend: what it is called, and the command that writes it.
FILE_NAME = {"terraform": "Terraform state", "pulumi": "Pulumi stack export"}
WRITE_FILE = {
    "terraform": "terraform state pull > FILE",
    "pulumi": "pulumi stack export --stack STACK --file FILE",
}


def state_not_json(source: str, detail: str) -> Message:
    return (
        f"I couldn't read the Terraform state `{source}`: it is not JSON ({detail}).",
        TERRAFORM_PULL,
    )


def state_not_terraform(source: str) -> Message:
    return (
        f"`{source}` is JSON but not a Terraform state (it has no `version`).",
        TERRAFORM_PULL,
    )


def state_version(source: str, version: object) -> Message:
    return (
        f"The Terraform state `{source}` has format version {version!r}; "
        "driftbot reads format version 4 (Terraform 0.12 and later).",
        "Run `terraform state pull > terraform.tfstate` with Terraform 0.12 or later "
        "to get a version 4 state.",
    )


def pulumi_not_gzip(source: str, detail: str) -> Message:
    return (
        f"I couldn't read the Pulumi stack `{source}`: it is not valid gzip ({detail}).",
        "Export the stack again with `pulumi stack export --file FILE`.",
    )


def pulumi_not_json(source: str, detail: str) -> Message:
    return (
        f"I couldn't read the Pulumi stack `{source}`: it is not JSON ({detail}).",
        PULUMI_EXPORT,
    )


def pulumi_not_export(source: str) -> Message:
    return (
        f"`{source}` is JSON but not a Pulumi stack export (it has no `version`).",
        PULUMI_EXPORT,
    )


def pulumi_version(source: str, version: object) -> Message:
    return (
        f"The Pulumi stack `{source}` has deployment version {version!r}; driftbot "
        "reads versions 2 and 3.",
        "Export it again with a current Pulumi CLI (`pulumi stack export --file FILE`).",
    )


def pulumi_no_deployment(source: str) -> Message:
    return (
        f"`{source}` has a `version` but no `deployment` (nor `checkpoint.latest`).",
        PULUMI_EXPORT,
    )


def state_file(backend: str, path: str, env: str, missing: bool, reason: str) -> Message:
    """A state file on disk that is missing, or that the OS would not read (`reason`);
    `backend`: `terraform` or `pulumi`."""
    name = FILE_NAME[backend]
    if missing:
        return (
            f"The {name} `{path}` (environment `{env}`) does not exist.",
            "Fix the path (relative paths start at the config file's folder), or write the "
            f"file with `{WRITE_FILE[backend]}`.",
        )
    return (f"I couldn't read the {name} `{path}`: {reason}.", "Check the file's permissions.")


def state_needs_aws(entry: str) -> Message:
    return (f"`{entry}` needs AWS access, and none is set up.", "")


def version_and_workspaces(url: str, env: str) -> Message:
    return (
        f"`{url}` (environment `{env}`) sets both `version_id` and "
        "`workspaces`; a version id names one object of one workspace.",
        "Drop `version_id`, or list one workspace's full key as the URL instead.",
    )


def no_workspace_states(url: str, env: str, key: str) -> Message:
    return (
        f"No Terraform workspace states under `{url}` "
        f"(environment `{env}`): no object ends in `/{key}`, "
        "and the default workspace's key does not exist.",
        "Check `terraform:` and `workspace_key_prefix` against the backend's `key` and "
        f"`workspace_key_prefix`; `aws s3 ls {url} --recursive` lists them.",
    )


def terraform_bucket_missing(bucket: str, url: str, env: str) -> Message:
    return (
        f"The S3 bucket `{bucket}` of the Terraform state `{url}` (environment "
        f"`{env}`) does not exist.",
        "Fix the bucket in `state: - terraform:` (it is the backend's `bucket`), and "
        "check that driftbot runs in the account that owns it.",
    )


def terraform_key_missing(
    url: str, workspace_key: bool, env: str, prefix: str, key: str, bucket: str
) -> Message:
    where = " (the workspace's key)" if workspace_key else ""
    return (
        f"There is no Terraform state at `{url}`{where} (environment `{env}`).",
        f"Fix the key (the backend's `key`; workspaces live under "
        f"`{prefix or '<workspace_key_prefix>'}/NAME/{key}`); "
        f"`aws s3 ls s3://{bucket}/` lists what is there.",
    )


def terraform_version_missing(version: str, url: str, env: str, bucket: str, key: str) -> Message:
    return (
        f"Version `{version}` of the Terraform state `{url}` does not exist (environment `{env}`).",
        f"List the versions with `aws s3api list-object-versions --bucket {bucket} "
        f"--prefix {key}` and set `version_id` to one of them (or remove it).",
    )


def no_state_object(url: str, env: str) -> Message:
    return (
        f"`{url}` (environment `{env}`) names no state object.",
        "Write the full object URL, as the S3 backend's `bucket` and `key`: "
        "s3://my-tf-state/prod/terraform.tfstate.",
    )


def local_state_with_workspaces(path: str, env: str) -> Message:
    return (
        f"`{path}` (environment `{env}`) is a local file; "
        "`workspaces` and `version_id` apply to states in S3 (`s3://bucket/key`).",
        "List each local workspace's file as its own `- terraform:` entry "
        "(`terraform.tfstate.d/NAME/terraform.tfstate`).",
    )


def pulumi_bucket_missing(bucket: str, url: str, env: str) -> Message:
    return (
        f"The S3 bucket `{bucket}` of the Pulumi stack `{url}` (environment "
        f"`{env}`) does not exist.",
        "Fix the bucket in `state: - pulumi:` (the backend URL `pulumi login` used).",
    )


def pulumi_stack_missing(url: str, env: str, bucket: str) -> Message:
    return (
        f"There is no Pulumi stack at `{url}` (environment `{env}`).",
        "Check `project` and `stack` (`pulumi stack ls` with the same backend lists "
        f"them); `aws s3 ls s3://{bucket}/ --recursive | grep .pulumi/stacks` shows "
        "the stack files.",
    )


def pulumi_no_stack(backend: str, env: str) -> Message:
    return (
        f"The Pulumi backend `{backend}` (environment `{env}`) names no stack.",
        "Add `stack: NAME` and `project: NAME` to the entry, or write the stack file's full "
        "URL (s3://bucket/.pulumi/stacks/PROJECT/STACK.json).",
    )


def cloudformation_needs_regions(env: str) -> Message:
    return (
        f"The `cloudformation:` state of environment `{env}` needs regions, "
        'and the environment has `regions: "*"`.',
        "Add `regions: [us-east-1, …]` to the `cloudformation:` entry (the regions "
        "where its stacks live).",
    )


def stacks_missing(names: list[str], regions: list[str], env: str) -> Message:
    return (
        f"No CloudFormation stack named {', '.join(f'`{n}`' for n in names)} in "
        f"{', '.join(regions)} (environment `{env}`).",
        "Fix the name under `cloudformation: stacks:`, or set the entry's `regions:` to "
        "where the stack lives (`aws cloudformation describe-stacks --stack-name NAME "
        "--region REGION`).",
    )


def cloudformation_needs_aws(env: str) -> Message:
    return (f"The `cloudformation:` state of `{env}` needs AWS access.", "")
