"""CodeCommit: repositories and approval-rule templates, by name. Triggers, the default branch,
the encryption key and template associations are parts of a repository; commits, branches,
files, pull requests and comments are its content, not configuration."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

CC = "codecommit.amazonaws.com"

REPOSITORY = "AWS::CodeCommit::Repository"
TEMPLATE = "AWS::CodeCommit::ApprovalRuleTemplate"

TYPES = (
    ResourceType(REPOSITORY, "name"),
    ResourceType(TEMPLATE, "name", cfn=False),
)
# Repository ARNs are codecommit:REGION:ACCOUNT:NAME (no kind).
ARN_KINDS = {("codecommit", ""): REPOSITORY}

REPO = "requestParameters.repositoryName"

# CodeCommit API reference (JSON: members lower-case first).
RULES = [
    on(CC, "CreateRepository", REPOSITORY, CREATE, REPO),
    on(
        CC,
        (
            "UpdateRepositoryDescription",
            "UpdateRepositoryEncryptionKey",
            "UpdateDefaultBranch",
            "PutRepositoryTriggers",
            "AssociateApprovalRuleTemplateWithRepository",
            "DisassociateApprovalRuleTemplateFromRepository",
        ),
        REPOSITORY,
        UPDATE,
        REPO,
    ),
    # A rename: the old name is gone, the new one appears.
    on(CC, "UpdateRepositoryName", REPOSITORY, DELETE, "requestParameters.oldName"),
    on(CC, "UpdateRepositoryName", REPOSITORY, CREATE, "requestParameters.newName"),
    on(CC, "DeleteRepository", REPOSITORY, DELETE, REPO),
    on(
        CC,
        ("TagResource", "UntagResource"),
        BY_ARN,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(
        CC,
        "CreateApprovalRuleTemplate",
        TEMPLATE,
        CREATE,
        "requestParameters.approvalRuleTemplateName",
    ),
    on(
        CC,
        ("UpdateApprovalRuleTemplateContent", "UpdateApprovalRuleTemplateDescription"),
        TEMPLATE,
        UPDATE,
        "requestParameters.approvalRuleTemplateName",
    ),
    on(
        CC,
        "UpdateApprovalRuleTemplateName",
        TEMPLATE,
        DELETE,
        "requestParameters.oldApprovalRuleTemplateName",
    ),
    on(
        CC,
        "UpdateApprovalRuleTemplateName",
        TEMPLATE,
        CREATE,
        "requestParameters.newApprovalRuleTemplateName",
    ),
    on(
        CC,
        "DeleteApprovalRuleTemplate",
        TEMPLATE,
        DELETE,
        "requestParameters.approvalRuleTemplateName",
    ),
]

OPERATIONAL = [
    ops(
        CC,
        "a repository's content and reviews (commits, branches, files, pull requests, "
        "comments), not its configuration",
        """CreateBranch DeleteBranch CreateCommit CreateUnreferencedMergeCommit PutFile
        DeleteFile CreatePullRequest CreatePullRequestApprovalRule
        DeletePullRequestApprovalRule UpdatePullRequestApprovalRuleContent
        UpdatePullRequestApprovalState UpdatePullRequestDescription UpdatePullRequestStatus
        UpdatePullRequestTitle OverridePullRequestApprovalRules MergeBranchesByFastForward
        MergeBranchesBySquash MergeBranchesByThreeWay MergePullRequestByFastForward
        MergePullRequestBySquash MergePullRequestByThreeWay PostCommentForComparedCommit
        PostCommentForPullRequest PostCommentReply PutCommentReaction UpdateComment
        DeleteCommentContent GitPush GitPull""",
    ),
]

TERRAFORM = [
    tf("aws_codecommit_repository", REPOSITORY, "repository_name", "id", "arn"),
    *children(REPOSITORY, "repository_name", "aws_codecommit_trigger"),
    tf("aws_codecommit_approval_rule_template", TEMPLATE, "name", "id"),
    *children(
        TEMPLATE, "approval_rule_template_name", "aws_codecommit_approval_rule_template_association"
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("codecommit",),
    not_in_models={
        name: "a Git operation over HTTPS or SSH, which CodeCommit logs as an event"
        for name in ("GitPush", "GitPull")
    },
)
