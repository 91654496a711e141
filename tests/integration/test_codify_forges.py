"""The codify forges against the fake GitHub and GitLab: a branch, one file, a pull (merge)
request; a retried job takes the branch, file and request an earlier attempt left; an issue for
an IaC note; and the forges' errors named with the fix."""

from __future__ import annotations

import asyncio

import pytest

from bot.config.codify import CodifyGithub, CodifyGitlab
from bot.errors import IntegrationError
from bot.shell.codify.github import GithubForge
from bot.shell.codify.gitlab import GitlabForge
from tests.fakes.github import FakeGitHub
from tests.fakes.gitlab import FakeGitLab
from tests.integrations import Sleeps

TOKEN = "ghp_FAKEcodifyToken0123456789abcdefAB"  # noqa: S105  (test fixtures)
GL_TOKEN = "glpat-FAKEcodifyToken0123456789"  # noqa: S105
CONTENT = 'import {\n  to = aws_s3_bucket.b\n  id = "b"\n}\n'


def open_pr(forge) -> object:
    return asyncio.run(
        forge.open_pull_request(
            "driftbot/f-1", "imports/f-1.tf", CONTENT, "driftbot: import", "title", "body"
        )
    )


@pytest.fixture
def github():
    with FakeGitHub() as fake:
        fake.add_repo("acme/infra")
        fake.add_token(
            TOKEN, {"acme/infra"}, {"contents:write", "pull_requests:write", "issues:write"}
        )
        yield fake


def gh_forge(fake) -> GithubForge:
    target = CodifyGithub(repo="acme/infra", token_env="GH", api_url=fake.base_url)
    return GithubForge(target, Sleeps(), {"GH": TOKEN})


def test_github_pull_request_with_one_file_and_a_retry_reuses_it(github):
    first = open_pr(gh_forge(github))
    again = open_pr(gh_forge(github))

    repo = github.repos["acme/infra"]
    assert repo.refs["driftbot/f-1"] == repo.refs["main"]
    assert repo.files[("driftbot/f-1", "imports/f-1.tf")][1] == CONTENT
    assert [p["number"] for p in repo.pulls] == [1]
    assert first == again
    puts = github.calls("PUT", "/repos/acme/infra/contents/imports/f-1.tf")
    assert "sha" not in puts[0].json
    assert puts[1].json["sha"] == repo.files[("driftbot/f-1", "imports/f-1.tf")][0]


def test_github_without_contents_write_says_which_permissions(github):
    github.add_token(TOKEN, {"acme/infra"}, {"pull_requests:write"})

    with pytest.raises(IntegrationError) as caught:
        open_pr(gh_forge(github))

    assert caught.value.status == 403
    assert "Contents, Pull requests and Issues" in caught.value.hint


def test_github_missing_base_branch_is_named(github):
    target = CodifyGithub(
        repo="acme/infra", base="develop", token_env="GH", api_url=github.base_url
    )

    with pytest.raises(IntegrationError) as caught:
        open_pr(GithubForge(target, Sleeps(), {"GH": TOKEN}))

    assert "`develop`" in caught.value.user_message


@pytest.fixture
def gitlab():
    with FakeGitLab() as fake:
        fake.add_project("acme/infra")
        fake.access_tokens[GL_TOKEN] = {"api"}
        yield fake


def gl_forge(fake) -> GitlabForge:
    target = CodifyGitlab(project="acme/infra", token_env="GL", api_url=fake.base_url)
    return GitlabForge(target, Sleeps(), {"GL": GL_TOKEN})


def test_gitlab_merge_request_with_one_file_and_a_retry_reuses_it(gitlab):
    first = open_pr(gl_forge(gitlab))
    again = open_pr(gl_forge(gitlab))

    project = gitlab.projects["acme/infra"]
    assert "driftbot/f-1" in project.branches
    assert project.files[("driftbot/f-1", "imports/f-1.tf")] == CONTENT
    assert len(project.merge_requests) == 1
    assert first == again
    created, retried = gitlab.calls("POST", "/api/v4/projects/acme%2Finfra/repository/files/")
    [updated] = gitlab.calls("PUT", "/api/v4/projects/acme%2Finfra/repository/files/")
    assert retried.path == updated.path == created.path
    assert created.path == "/api/v4/projects/acme%2Finfra/repository/files/imports%2Ff-1.tf"
    assert created.header("PRIVATE-TOKEN") == GL_TOKEN


def test_gitlab_issue_for_an_iac_note(gitlab):
    opened = asyncio.run(gl_forge(gitlab).open_issue("update the IaC", "| a | b | c |"))

    [issue] = gitlab.projects["acme/infra"].issues
    assert (issue["title"], issue["description"]) == ("update the IaC", "| a | b | c |")
    assert opened.key == "#1"


def test_gitlab_refused_token_is_named(gitlab):
    target = CodifyGitlab(project="acme/infra", token_env="GL", api_url=gitlab.base_url)

    with pytest.raises(IntegrationError) as caught:
        open_pr(GitlabForge(target, Sleeps(), {"GL": "glpat-wrong-token"}))

    assert caught.value.status == 401
    assert "`GL`" in caught.value.user_message
    assert "glpat-wrong" not in str(caught.value)
