"""What the integrations say when they fail: the reapply targets (GitHub Actions, GitLab, HCP
Terraform, Spacelift, CodeBuild), the escalation targets (PagerDuty, incident.io, Jira, GitHub
issues) and the forges codify opens pull requests on. Each error names the target and the fix,
and never a secret: only the name of the variable that holds it. Errors return (message, hint).
Pure."""

from __future__ import annotations

from bot.messages import Message

GITHUB = "GitHub"
GITLAB = "GitLab"
TFC = "HCP Terraform"
SPACELIFT = "Spacelift"
PAGERDUTY = "PagerDuty"
INCIDENT_IO = "incident.io"
JIRA = "Jira"
LABELS = {
    "github_actions": "GitHub Actions",
    "gitlab": "GitLab",
    "terraform_cloud": "HCP Terraform",
    "spacelift": "Spacelift",
    "codebuild": "AWS CodeBuild",
    "webhook": "the webhook",
    "pagerduty": "PagerDuty",
    "incident_io": "incident.io",
    "jira": "Jira",
    "github_issue": "GitHub issues",
    "github": "GitHub",
}


def label(service: str) -> str:
    """A target's name as people know it (`github_actions` → GitHub Actions)."""
    return LABELS.get(service, service)


# Any integration.


def secret_missing(variable: str, key: str) -> Message:
    return (
        f"The environment variable `{variable}` (the runbook's `{key}`) is not set.",
        f"Set {variable} where the driftbot worker runs; `drift runbook validate` lists every "
        "variable the runbooks name.",
    )


def unreachable(service: str, host: str, kind: str) -> Message:
    return (
        f"I couldn't reach {label(service)} at {host} ({kind}).",
        "Check the target's `api_url` and that the worker can reach it; press Retry when it is "
        "back.",
    )


def asked_to_wait(service: str, status: int, seconds: int) -> Message:
    return (
        f"{label(service)} answered HTTP {status} and asked to wait {seconds} s before trying "
        "again.",
        "Its rate limit is spent for now; press Retry after that.",
    )


def kept_failing(service: str, status: int) -> Message:
    return (
        f"{service} kept answering HTTP {status}; driftbot retried with backoff and gave up.",
        "It is likely an outage or a rate limit on their side; press Retry later.",
    )


def failed_with(service: str, status: int, detail: str) -> Message:
    said = f": {detail}" if detail else ""
    return (
        f"{label(service)} answered HTTP {status}{said}.",
        "Check the target's settings in the runbook; the card keeps its state.",
    )


# GitHub Actions.


def github_token_refused(env: str, repo: str) -> Message:
    return (
        f"GitHub refused the token in `{env}` (HTTP 401) for {repo}: it is wrong, expired or "
        "revoked.",
        f"Put a valid token in {env} (a fine-grained token with access to {repo}).",
    )


def github_cannot_dispatch(env: str, repo: str, needed: str) -> Message:
    extra = f" (GitHub says it needs: {needed})" if needed else ""
    return (
        f"The token in `{env}` cannot dispatch workflows in {repo}: it needs the "
        f"`actions: write` permission{extra}.",
        f"Give the token Actions: Read and write on {repo} (a classic token needs the `repo` "
        "scope), then press Retry.",
    )


def github_cannot_read_runs(env: str, repo: str, needed: str) -> Message:
    extra = f" (GitHub says it needs: {needed})" if needed else ""
    return (
        f"The token in `{env}` cannot read workflow runs in {repo}: it needs the "
        f"`actions: read` permission{extra}.",
        "Give the token Actions: Read; the run goes on, but driftbot cannot follow it.",
    )


def github_not_found(workflow: str, repo: str, env: str) -> Message:
    return (
        f"GitHub has no workflow `{workflow}` in {repo}, or the token in `{env}` cannot see the "
        "repository (HTTP 404).",
        "Check `workflow` (its file name under .github/workflows, or its id) and `repo`, and "
        f"that the token in {env} has access to {repo}.",
    )


def github_unprocessable(workflow: str, repo: str, ref: str, detail: str) -> Message:
    lowered = detail.lower()
    if "unexpected inputs" in lowered or ("input" in lowered and "required" in lowered):
        hint = (
            f"Declare every input the runbook sends under `on.workflow_dispatch.inputs` of "
            f"{workflow}, or remove it from the runbook's `inputs`."
        )
    elif "no ref found" in lowered:
        hint = f"The runbook's `ref` ({ref}) is not a branch or tag of {repo}."
    elif "workflow_dispatch" in lowered:
        hint = f"Add `on: workflow_dispatch` to {workflow} on {ref}."
    else:
        hint = "Check the runbook's `ref` and `inputs` against the workflow."
    return (f"GitHub refused to dispatch `{workflow}` in {repo} (HTTP 422): {detail}", hint)


def github_failed(workflow: str, repo: str, status: int, detail: str) -> Message:
    return (
        f"GitHub answered HTTP {status} for `{workflow}` in {repo}: {detail}",
        "Check the runbook's `github_actions` settings; press Retry once fixed.",
    )


def github_inputs_too_long(size: int, limit: int) -> Message:
    return (
        f"The workflow inputs are {size:,} characters long; GitHub takes at most {limit:,}.",
        "Send fewer or shorter inputs (a finding with many addresses: pass `{finding_id}` and "
        "look the rest up in the workflow).",
    )


# GitLab.


def gitlab_refused_ref(project: str, ref: str, detail: str) -> Message:
    return (
        f"GitLab refused to start a pipeline of {project} on `{ref}` (HTTP 400): {detail}",
        f"Check that `{ref}` is a branch or tag of {project}, and that the project's "
        "`workflow:rules` let pipelines from triggers run (CI_PIPELINE_SOURCE == 'trigger').",
    )


def gitlab_trigger_refused(project: str, env: str, status: int) -> Message:
    return (
        f"GitLab refused the trigger token in `{env}` for {project} (HTTP {status}).",
        f"Put a pipeline trigger token of {project} (Settings → CI/CD → Pipeline trigger "
        f"tokens) in {env}; a personal access token is not a trigger token.",
    )


def gitlab_cannot_read(project: str, env: str, status: int) -> Message:
    return (
        f"GitLab refused the token in `{env}` when reading pipelines of {project} (HTTP {status}).",
        f"Put a token with the `read_api` scope on {project} in {env}; the pipeline goes on, "
        "but driftbot cannot follow it.",
    )


# HCP Terraform.


def tfc_run_message(finding_id: str, request_id: str) -> str:
    return f"driftbot reapply {finding_id} ({request_id})"


def tfc_waiting(status: str) -> str:
    return f"{status}, waiting for a confirmation in HCP Terraform"


def tfc_token_refused(env: str) -> Message:
    return (
        f"HCP Terraform refused the token in `{env}` (HTTP 401): it is wrong or expired.",
        f"Put a user or team API token in {env}; organization tokens cannot start runs.",
    )


def tfc_not_found(organization: str, workspace: str, env: str) -> Message:
    return (
        f"HCP Terraform has no workspace `{workspace}` in the organization `{organization}`, or "
        f"the token in `{env}` may not see it (HTTP 404).",
        "Check `organization` and `workspace`, and give the token's user or team access to the "
        "workspace (HCP Terraform answers 404, not 403, when access is missing).",
    )


def tfc_unprocessable(workspace: str, detail: str) -> Message:
    return (
        f"HCP Terraform refused the run for `{workspace}` (HTTP 422): {detail}",
        "Check that the finding's IaC addresses exist in the workspace's configuration.",
    )


def tfc_conflict(workspace: str, detail: str) -> Message:
    return (
        f"HCP Terraform cannot do that with the run of `{workspace}` now (HTTP 409): {detail}",
        "Look at the run in HCP Terraform; press Retry to start a new one.",
    )


def tfc_no_addresses(resource: str) -> Message:
    return (
        f"{resource} has no IaC address to target, so HCP Terraform has nothing to apply.",
        "Reapply needs a managed resource; codify an unmanaged one instead.",
    )


# Spacelift.


def spacelift_confirmed() -> str:
    return "UNCONFIRMED, confirmed by driftbot (approved in Slack)"


def spacelift_key_refused(id_env: str, secret_env: str) -> Message:
    return (
        f"Spacelift refused the API key in `{id_env}` and `{secret_env}`.",
        "Create an API key in Spacelift (Settings → API keys) with access to the stack, and "
        f"put its id in {id_env} and its secret in {secret_env}.",
    )


def spacelift_stack_not_found(stack: str) -> Message:
    return (
        f"Spacelift has no stack `{stack}`, or the API key may not see it.",
        "Check the runbook's `stack` (the stack's id, as in its URL) and the key's access.",
    )


def spacelift_run_gone(stack: str, run_id: str) -> Message:
    return (
        f"Spacelift has no run `{run_id}` on `{stack}` any more.",
        "Look at the stack's runs in Spacelift; press Retry to start a new one.",
    )


def spacelift_refused(stack: str, detail: str) -> Message:
    return (
        f"Spacelift refused the request for `{stack}`: {detail}",
        "Check the stack and the API key's access; press Retry once fixed.",
    )


# AWS CodeBuild.


def codebuild_project_missing(project: str, region: str) -> Message:
    return (
        f"CodeBuild has no project `{project}` in {region}.",
        "Check the runbook's `codebuild.project` and `region`, and that the environment's AWS "
        "identity works in the account that owns the project.",
    )


def codebuild_limit(project: str) -> Message:
    return (
        f"CodeBuild would not start `{project}`: the account runs as many builds as it may.",
        "Wait for a build to finish, or raise the concurrent build quota; press Retry.",
    )


def codebuild_build_missing(build_id: str, region: str) -> Message:
    return (
        f"CodeBuild no longer knows the build `{build_id}` in {region}.",
        "Look for it in the CodeBuild console; press Retry to start a new one.",
    )


# PagerDuty.


def pagerduty_refused(env: str, detail: str) -> Message:
    return (
        f"PagerDuty refused the event (HTTP 400): {detail}",
        f"Check that {env} holds the 32-character integration key of an Events API v2 "
        "integration of the service.",
    )


# incident.io.


def incident_io_token_refused(env: str) -> Message:
    return (
        f"incident.io refused the token in `{env}` (HTTP 401).",
        f"Put the alert source's token (shown with its HTTP URL in incident.io → Alerts → "
        f"Sources) in {env}.",
    )


def incident_io_forbidden(env: str, source: str) -> Message:
    return (
        f"incident.io does not let the token in `{env}` send events to the alert source "
        f"{source} (HTTP 403).",
        "Use the token of that alert source, or a key allowed to create alert events.",
    )


def incident_io_no_source(source: str) -> Message:
    return (
        f"incident.io has no HTTP alert source {source} (HTTP 404).",
        "Check the runbook's `alert_source_config_id` against the source's URL in incident.io.",
    )


def incident_io_invalid(detail: str) -> Message:
    return (
        f"incident.io refused the alert event (HTTP 422): {detail}",
        "Check the alert source's settings (a Default HTTP source takes driftbot's events).",
    )


# Jira.


def jira_auth(email_env: str, token_env: str) -> Message:
    return (
        f"Jira refused the account in `{email_env}` and the API token in `{token_env}` (HTTP 401).",
        f"Put the Atlassian account's email in {email_env} and one of its API tokens in "
        f"{token_env}.",
    )


def jira_forbidden(project: str, email_env: str) -> Message:
    return (
        f"Jira does not let the account in `{email_env}` create or change issues in "
        f"{project} (HTTP 403).",
        "Give the account the Browse projects, Create issues, Add comments and Transition "
        "issues permissions on the project.",
    )


def jira_not_found(what: str) -> Message:
    return (
        f"Jira has no {what}, or the account may not see it (HTTP 404).",
        "Check the runbook's `project` and `base_url`.",
    )


def jira_invalid(project: str, issue_type: str, detail: str) -> Message:
    return (
        f"Jira refused the issue in {project} (HTTP 400): {detail}",
        f"Check that {project} has the issue type `{issue_type}` and that its create screen "
        "has no other required field.",
    )


# GitHub issues.


def github_cannot_write_issues(env: str, repo: str) -> Message:
    return (
        f"The token in `{env}` cannot create or change issues in {repo}: it needs the "
        "`issues: write` permission.",
        f"Give the token Issues: Read and write on {repo}.",
    )


def github_no_issues(repo: str, env: str) -> Message:
    return (
        f"GitHub has no issues in {repo} for the token in `{env}` (the repository is missing, "
        "hidden from the token, or has issues turned off).",
        "Check the runbook's `github_issue.repo`, the token's access, and that issues are on.",
    )


def github_issue_invalid(repo: str, detail: str) -> Message:
    return (
        f"GitHub refused the issue in {repo} (HTTP 422): {detail}",
        "Check the runbook's `labels`.",
    )


# Codify: pull requests, merge requests and notes.


def github_cannot_write(env: str, repo: str, what: str) -> Message:
    return (
        f"The token in `{env}` cannot write {what} in {repo} (HTTP 403).",
        f"Give the token Contents, Pull requests and Issues: Read and write on {repo}.",
    )


def github_repo_missing(repo: str, base: str, env: str) -> Message:
    return (
        f"GitHub has no branch `{base}` in {repo}, or the token in `{env}` cannot see the "
        "repository (HTTP 404).",
        "Check the environment's `codify.github` (`repo`, `base`) and the token's access.",
    )


def github_write_failed(repo: str, what: str, status: int, detail: str) -> Message:
    return (
        f"GitHub refused to write {what} in {repo} (HTTP {status}): {detail}",
        "Check the environment's `codify.github` settings; press Codify again once fixed.",
    )


def gitlab_cannot_write(project: str, env: str, what: str, status: int) -> Message:
    return (
        f"GitLab refused the token in `{env}` when writing {what} in {project} (HTTP {status}).",
        f"Put a token with the `api` scope and at least the Developer role on {project} in {env}.",
    )


def gitlab_project_missing(project: str, base: str, env: str) -> Message:
    return (
        f"GitLab has no project {project} or branch `{base}` the token in `{env}` can see "
        "(HTTP 404).",
        "Check the environment's `codify.gitlab` (`project`, `base`) and the token's access.",
    )


def gitlab_write_failed(project: str, what: str, status: int, detail: str) -> Message:
    return (
        f"GitLab refused to write {what} in {project} (HTTP {status}): {detail}",
        "Check the environment's `codify.gitlab` settings; press Codify again once fixed.",
    )


def nothing_to_import(resource: str) -> Message:
    return (
        f"There is no Terraform import block for {resource}.",
        "Its type has no Terraform type in the catalog, or the provider cannot import it.",
    )


def codify_opened(forge: str, kind: str, shown: str) -> str:
    what = (
        "Opened a pull request with the import block"
        if kind == "codify"
        else "Filed a note to update the IaC"
    )
    return f"🧩 {what} on {forge}: {shown}."


def codify_failed(forge: str, kind: str, error: str, hint: str, by: str) -> str:
    what = "open the codify pull request" if kind == "codify" else "file the IaC note"
    who = f"<@{by}>" if by.startswith(("U", "W")) else "driftbot"
    return f"❌ Couldn't {what} on {forge}: {error} {hint}".strip() + f" (asked by {who})"
