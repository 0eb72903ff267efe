# Airbyte source image: multi-stage, production dependencies only, non-root, absolute entrypoint.
FROM node:22-bookworm-slim AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY schemas ./schemas
COPY src ./src
COPY simulator ./simulator
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json

FROM node:22-bookworm-slim AS production-deps
WORKDIR /deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM node:22-bookworm-slim
ENV NODE_ENV=production
WORKDIR /airbyte/integration_code
COPY --from=production-deps /deps/node_modules ./node_modules
COPY --from=build /build/dist/src ./dist/src
COPY package.json ./
COPY schemas ./schemas
COPY bin ./bin
USER node
ENV AIRBYTE_ENTRYPOINT="node --max-semi-space-size=4 /airbyte/integration_code/bin/source-peloton.js"
ENTRYPOINT ["node", "--max-semi-space-size=4", "/airbyte/integration_code/bin/source-peloton.js"]
LABEL io.airbyte.name=airbyte/source-peloton
LABEL io.airbyte.version=0.3.0
