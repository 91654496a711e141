"""Local fakes of the APIs driftbot's integrations call, one module per vendor, each written
from the vendor's documentation (../shared/INTEGRATIONS.md, and incident.io's own API reference):
they check the method, the path, the headers (the exact auth scheme) and the body's schema, and
answer as the real API does, its errors (401, 403, 404, 422, 429 with Retry-After, 5xx) and its
run status progressions included. server.py runs them on 127.0.0.1:0 in a thread and records
every request."""
