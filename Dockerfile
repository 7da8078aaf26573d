# syntax=docker/dockerfile:1
#
# dukaan-kit reference app image, plus the nginx image of the Compose stack.
#   docker build -t dukaan-kit .                  -> runtime (the app; default target)
#   docker build --target nginx -t dukaan-nginx . -> nginx with the static assets baked in
# Stages: toolchain -> prod-deps (npm ci --omit=dev) and build (npm ci, npm run build,
# the same commands as CI) -> nginx, runtime.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginx:1.27-alpine

# Manifests and a C++ toolchain: better-sqlite3 compiles from source when no
# prebuilt binary fits. Only the manifests are copied, so dependency layers are
# rebuilt only when a package.json or the lockfile changes.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY packages/storefront-ui/package.json packages/storefront-ui/
COPY packages/hapi-plugin/package.json packages/hapi-plugin/
COPY examples/server/package.json examples/server/

# Production dependencies only (workspace links included), for the runtime stage.
FROM toolchain AS prod-deps
RUN npm ci --omit=dev --no-audit --no-fund

# Full install and build, exactly like CI.
FROM toolchain AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json lerna.json ./
COPY packages packages
COPY examples/server examples/server
RUN npm run build
# Fail the build here, not at runtime, if the client assets were not produced.
RUN test -d packages/storefront-ui/dist/assets

# nginx with the hashed client assets at /srv/static (see nginx/nginx.conf).
# Compose also mounts ./nginx/nginx.conf over the copy, so config edits need
# only a restart, not a rebuild.
FROM ${NGINX_IMAGE} AS nginx
COPY --from=build /app/packages/storefront-ui/dist/assets/ /srv/static/
COPY nginx/nginx.conf /etc/nginx/nginx.conf
RUN mkdir -p /srv/media

# The app: production node_modules, package.json files and dist/ only.
FROM ${NODE_IMAGE} AS runtime
# MALLOC_ARENA_MAX=2: glibc's malloc keeps at most two arenas instead of one per thread that
# allocates (up to 8 per core), a few MB less RSS at no measured CPU cost (bench/README.md, memory).
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 MEDIA_DIR=/srv/media MALLOC_ARENA_MAX=2
WORKDIR /app
# Manifests + node_modules (incl. any nested packages/*/node_modules).
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/storefront-ui/dist packages/storefront-ui/dist
COPY --from=build /app/packages/hapi-plugin/dist packages/hapi-plugin/dist
COPY --from=build /app/examples/server/dist examples/server/dist
# Code stays root-owned (read-only for the app). Writable: MEDIA_DIR, /srv/data
# (Compose's "data" volume: the mail outbox), and ./data for the SQLite default
# and the outbox default when no DATABASE_URL or MAIL_OUTBOX_DIR is given.
# Creating /srv/media and /srv/data owned by node makes fresh named volumes
# mounted there writable too.
RUN mkdir -p /srv/media /srv/data /app/data && chown node:node /srv/media /srv/data /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# The same node flags and MALLOC_ARENA_MAX as `npm start` (examples/server/package.json): see bench/README.md, memory.
CMD ["node", "--max-semi-space-size=2", "--max-old-space-size=384", "examples/server/dist/main.js"]
