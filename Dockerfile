# One image, one program: `drift worker` (the default), `drift serve` (the Slack app),
# `drift listen`, `drift check …`. docker-compose.yml runs Redis, serve and worker from it.
# tests/integration/test_deploy.py lints this file (hadolint) and runs its commands in a fresh
# virtualenv installed from the built wheel, as the image would.
# Dependencies are installed from pyproject.toml + constraints.txt before the code is copied,
# so code changes do not reinstall them.
FROM python:3.11-slim AS build
WORKDIR /src
RUN python -m venv /venv
COPY pyproject.toml constraints.txt README.md ./
RUN mkdir bot handlers && touch bot/__init__.py handlers/__init__.py \
 && /venv/bin/pip install --no-cache-dir -c constraints.txt '.[embedded]' \
 && rm -rf bot handlers
COPY bot ./bot
COPY handlers ./handlers
RUN /venv/bin/pip install --no-cache-dir --no-deps .

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 driftbot
COPY --from=build /venv /venv
COPY runbooks /app/runbooks
ENV PATH=/venv/bin:$PATH \
    DRIFT_RUNBOOKS=/app/runbooks \
    DRIFT_CONFIG=/etc/driftbot/drift.yml \
    PYTHONUNBUFFERED=1
USER 10001
WORKDIR /home/driftbot
# /metrics, /healthz, /readyz: `drift worker --metrics-port 9100 --health-host 0.0.0.0`;
# the Slack app over HTTP: `drift serve --http --port 3000`.
EXPOSE 3000 9100
# REDIS_URL names the Redis to use; without it the embedded one keeps its data in
# ~/.local/state/driftbot (mount a volume there).
CMD ["drift", "worker"]
