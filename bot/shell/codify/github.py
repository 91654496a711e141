"""GitHub as a codify forge: a branch from the base (`git/refs`), one file on it (`PUT
contents/{path}`, base64), a pull request (`POST pulls`); an issue for an IaC note. Each step
takes what already exists (a branch or pull request left by an earlier attempt, the file with
its blob sha), so a retried job opens one pull request."""

from __future__ import annotations

import base64
from urllib.parse import quote

from bot.config.codify import CodifyGithub
from bot.errors import IntegrationError
from bot.messages import integrations as say
from bot.shell.codify.base import Opened
from bot.shell.http import Answer, Http, Sleep
from bot.shell.reapply.github_actions import github_retryable, headers, message_of
from bot.shell.secrets import secret

SERVICE = "github"


def error(answer: Answer, target: CodifyGithub, what: str) -> IntegrationError:
    status = answer.status
    if status == 401:
        texts = say.github_token_refused(target.token_env, target.repo)
    elif status == 403 and not github_retryable(answer):
        texts = say.github_cannot_write(target.token_env, target.repo, what)
    elif status == 404:
        texts = say.github_repo_missing(target.repo, target.base, target.token_env)
    elif github_retryable(answer):
        texts = say.kept_failing(say.GITHUB, status)
    else:
        texts = say.github_write_failed(target.repo, what, status, message_of(answer))
    return IntegrationError(
        *texts, service=SERVICE, status=status, retryable=github_retryable(answer)
    )


class GithubForge:
    def __init__(self, target: CodifyGithub, sleep: Sleep, environ: dict[str, str]) -> None:
        self.target = target
        token = secret(environ, target.token_env, "codify.github.token_env")
        self.http = Http(SERVICE, secrets=[token], sleep=sleep, retryable=github_retryable)
        self.headers = headers(token)
        self.repo_url = f"{target.api_url}/repos/{target.repo}"

    async def open_pull_request(
        self, branch: str, path: str, content: str, message: str, title: str, body: str
    ) -> Opened:
        t, http, sent = self.target, self.http, self.headers
        base = await http.request(
            "GET", f"{self.repo_url}/git/ref/heads/{quote(t.base, safe='/')}", headers=sent
        )
        if base.status != 200:
            raise error(base, t, "branches")
        sha = str(((base.json() or {}).get("object") or {}).get("sha", ""))
        ref = {"ref": f"refs/heads/{branch}", "sha": sha}
        made = await http.request("POST", f"{self.repo_url}/git/refs", headers=sent, json=ref)
        if made.status != 201 and not (made.status == 422 and "already exists" in made.text()):
            raise error(made, t, "branches")
        url = f"{self.repo_url}/contents/{quote(path, safe='/')}"
        current = await http.request("GET", url, headers=sent, params={"ref": branch})
        put = {
            "message": message,
            "content": base64.b64encode(content.encode()).decode(),
            "branch": branch,
        }
        if current.status == 200:
            put["sha"] = str((current.json() or {}).get("sha", ""))
        elif current.status != 404:
            raise error(current, t, "contents")
        wrote = await http.request("PUT", url, headers=sent, json=put)
        if wrote.status not in (200, 201):
            raise error(wrote, t, "contents")
        pull = {"title": title, "head": branch, "base": t.base, "body": body}
        opened = await http.request("POST", f"{self.repo_url}/pulls", headers=sent, json=pull)
        if opened.status == 201:
            got = opened.json() or {}
            return Opened(f"#{got.get('number')}", got.get("html_url"))
        if opened.status == 422 and "already exists" in opened.text():
            owner = t.repo.split("/")[0]
            params = {"head": f"{owner}:{branch}", "state": "open"}
            found = await http.request("GET", f"{self.repo_url}/pulls", headers=sent, params=params)
            pulls = found.json() if found.status == 200 else None
            if isinstance(pulls, list) and pulls:
                return Opened(f"#{pulls[0].get('number')}", pulls[0].get("html_url"))
        raise error(opened, t, "pull requests")

    async def open_issue(self, title: str, body: str) -> Opened:
        issue = {"title": title, "body": body, "labels": ["driftbot"]}
        made = await self.http.request(
            "POST", f"{self.repo_url}/issues", headers=self.headers, json=issue
        )
        if made.status != 201:
            raise error(made, self.target, "issues")
        got = made.json() or {}
        return Opened(f"#{got.get('number')}", got.get("html_url"))
