# wsdiag pipeline image: `docker build -t wsdiag .`, then `docker run wsdiag run|migrate|...`.
# Build stage compiles TypeScript with dev dependencies; the runtime stage keeps production ones only.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the `prepare` script compiles, which needs the sources copied below.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY cli ./cli
COPY ingest ./ingest
COPY analyzers ./analyzers
COPY schemas ./schemas
COPY dashboards ./dashboards
COPY bench ./bench
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
# Non-TypeScript assets (SQL, JSON Schema, dashboards) are read at run time from these folders.
COPY --from=build --chown=root:root /app/schemas ./schemas
COPY --from=build --chown=root:root /app/dashboards ./dashboards
# The `node` user ships with the base image; the app files stay root-owned and read-only to it.
USER node
EXPOSE 9464
# A V8 heap cap keeps resident memory under 256 MB (docs/reliability.md, "Memory"): the live set is
# bounded by fetch and batch sizes, but without a cap V8 grows the heap lazily well past it.
ENTRYPOINT ["node", "--max-old-space-size=160", "dist/cli/wsdiag.js"]
CMD ["run"]
