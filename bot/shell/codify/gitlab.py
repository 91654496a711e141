"""GitLab as a codify forge: a branch from the base, one file on it (created, or updated when
an earlier attempt left it), a merge request; an issue for an IaC note. `PRIVATE-TOKEN` auth
(a token with the `api` scope). A merge request already open for the branch is taken as it is."""

from __future__ import annotations

from urllib.parse import quote

from bot.config.codify import CodifyGitlab
from bot.errors import IntegrationError
from bot.messages import integrations as say
from bot.shell.codify.base import Opened
from bot.shell.http import Answer, Http, Sleep
from bot.shell.reapply.gitlab import message_of
from bot.shell.secrets import secret

SERVICE = "gitlab"


def error(answer: Answer, target: CodifyGitlab, what: str) -> IntegrationError:
    status = answer.status
    if status in (401, 403):
        texts = say.gitlab_cannot_write(target.project, target.token_env, what, status)
    elif status == 404:
        texts = say.gitlab_project_missing(target.project, target.base, target.token_env)
    elif status == 429 or status >= 500:
        texts = say.kept_failing(say.GITLAB, status)
    else:
        texts = say.gitlab_write_failed(target.project, what, status, message_of(answer))
    retryable = status == 429 or status >= 500
    return IntegrationError(*texts, service=SERVICE, status=status, retryable=retryable)


class GitlabForge:
    def __init__(self, target: CodifyGitlab, sleep: Sleep, environ: dict[str, str]) -> None:
        self.target = target
        token = secret(environ, target.token_env, "codify.gitlab.token_env")
        self.http = Http(SERVICE, secrets=[token], sleep=sleep)
        self.headers = {"PRIVATE-TOKEN": token}
        self.project_url = f"{target.api_url}/api/v4/projects/{quote(target.project, safe='')}"

    async def open_pull_request(
        self, branch: str, path: str, content: str, message: str, title: str, body: str
    ) -> Opened:
        t, http, sent = self.target, self.http, self.headers
        made = await http.request(
            "POST",
            f"{self.project_url}/repository/branches",
            headers=sent,
            params={"branch": branch, "ref": t.base},
        )
        if made.status != 201 and not (made.status == 400 and "already exists" in made.text()):
            raise error(made, t, "branches")
        url = f"{self.project_url}/repository/files/{quote(path, safe='')}"
        file = {"branch": branch, "commit_message": message, "content": content, "encoding": "text"}
        wrote = await http.request("POST", url, headers=sent, json=file)
        if wrote.status == 400 and "already exists" in wrote.text():
            wrote = await http.request("PUT", url, headers=sent, json=file)
        if wrote.status not in (200, 201):
            raise error(wrote, t, "files")
        request = {
            "source_branch": branch,
            "target_branch": t.base,
            "title": title,
            "description": body,
            "remove_source_branch": True,
        }
        opened = await http.request(
            "POST", f"{self.project_url}/merge_requests", headers=sent, json=request
        )
        if opened.status == 201:
            got = opened.json() or {}
            return Opened(f"!{got.get('iid')}", got.get("web_url"))
        if opened.status == 409:
            params = {"source_branch": branch, "state": "opened"}
            found = await http.request(
                "GET", f"{self.project_url}/merge_requests", headers=sent, params=params
            )
            requests = found.json() if found.status == 200 else None
            if isinstance(requests, list) and requests:
                return Opened(f"!{requests[0].get('iid')}", requests[0].get("web_url"))
        raise error(opened, t, "merge requests")

    async def open_issue(self, title: str, body: str) -> Opened:
        issue = {"title": title, "description": body, "labels": "driftbot"}
        made = await self.http.request(
            "POST", f"{self.project_url}/issues", headers=self.headers, json=issue
        )
        if made.status != 201:
            raise error(made, self.target, "issues")
        got = made.json() or {}
        return Opened(f"#{got.get('iid')}", got.get("web_url"))
