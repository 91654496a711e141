"""What driftbot knows about each AWS service, one module per service (`kms.py` shows the
shape). To add a service: write its module and add one line to the import list in `listed.py`;
`bot/catalog/__init__.py` adds every service listed there to the catalog's registries.

`SERVICES` (the listed modules) is imported on first use, so that importing one service's
module for its constants (`services.cloudformation.STACK`) does not import all of them."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    if name == "SERVICES":
        from bot.catalog.services.listed import SERVICES

        return SERVICES
    raise AttributeError(name)
