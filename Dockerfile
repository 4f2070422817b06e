# syntax=docker/dockerfile:1
# pmle-quiz-bot: Slack and/or Discord bot. Configure with environment variables (see .env.example).

# --- build: compile TypeScript with the full dependency set from the lock file.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- run: production dependencies only, compiled code and the question bank, as the unprivileged user.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The dashboard's stylesheet is not TypeScript: it sits next to its compiled module.
COPY --from=build /app/src/adapters/http/dashboard/assets ./dist/adapters/http/dashboard/assets
COPY questions ./questions
USER node
EXPOSE 3000
# Probes /healthz where the server binds: HOST (loopback when unset or a wildcard) and PORT.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 CMD ["node", "dist/tools/healthcheck.js"]
# --require-platform: with no Slack or Discord settings the image exits 1 naming what to set, instead of
# falling back to the local console mode (which ends at once without a terminal).
CMD ["node", "dist/main.js", "--require-platform"]
