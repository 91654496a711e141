"""The CloudTrail rule tables, one module per AWS service; importing this fills TRAIL_RULES."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
