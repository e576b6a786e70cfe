# ExamTech's image for the scaled deployment (compose.yaml, deploy/kubernetes). Not built on the
# development machines (they have no Docker engine); deploy-kit.test.ts checks it against the
# configuration and the manifests. Two stages: the web app is built with every dependency, the
# runtime keeps only production ones and runs as a non-root user.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY loadtest/package.json loadtest/
RUN npm ci --no-audit --no-fund
COPY packages/core packages/core
COPY web web
RUN npm run build -w web

# The front door for compose: nginx with the web app's hashed assets and deploy/nginx/examtech.conf
# (`docker build --target front`).
FROM nginx:1.27-bookworm AS front
COPY --from=build /app/web/dist /usr/share/examtech/web
COPY deploy/nginx/examtech.conf /etc/nginx/conf.d/default.conf
EXPOSE 80 443

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/var/lib/examtech \
    WEB_DIST_DIR=/app/web/dist
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/core/package.json packages/core/
COPY server/package.json server/
COPY web/package.json web/
COPY e2e/package.json e2e/
COPY loadtest/package.json loadtest/
# Production dependencies of the server and the core only (tsx runs the TypeScript sources).
RUN npm ci --omit=dev --no-audit --no-fund --workspace server --workspace packages/core \
    && npm cache clean --force
COPY packages/core packages/core
COPY server/src server/src
COPY server/drizzle server/drizzle
COPY server/tsconfig.json server/
COPY tsconfig.base.json ./
COPY --from=build /app/web/dist web/dist
RUN mkdir -p /var/lib/examtech && chown node:node /var/lib/examtech
USER node
EXPOSE 3000
# Liveness; the orchestrator's readiness probe asks /ready (database and Redis answer).
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD node -e "fetch('http://127.0.0.1:3000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/server
# SIGTERM drains: in-flight saves are committed, sockets are sent to another instance.
STOPSIGNAL SIGTERM
CMD ["npx", "--no-install", "tsx", "--import", "./src/platform/tracing.ts", "src/main.ts"]
