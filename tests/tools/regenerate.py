"""Rewrite the files generated from the code: deploy/reader-role.yaml (the reader role's
policy) and the README's permission list between its `iam-policy` markers.

    python -m tests.tools.regenerate        (what `make generated` runs)

tests/integration/test_deploy.py and test_iam_policy.py fail when these are stale."""

from __future__ import annotations

import re
from pathlib import Path

from bot.shell.aws.permissions import readme_markdown
from bot.shell.aws.templates import render

ROOT = Path(__file__).resolve().parents[2]
MARKED = re.compile(r"<!-- iam-policy:start -->.*?<!-- iam-policy:end -->", re.DOTALL)


def main() -> None:
    (ROOT / "deploy" / "reader-role.yaml").write_text(render())
    readme = ROOT / "README.md"
    text = readme.read_text()
    if not MARKED.search(text):
        raise SystemExit("README.md has no <!-- iam-policy:start --> … end --> markers")
    readme.write_text(MARKED.sub(lambda _: readme_markdown(), text, count=1))


if __name__ == "__main__":
    main()
