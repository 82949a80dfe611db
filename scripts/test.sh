#!/usr/bin/env bash
# `npm test`: everything CI checks, in order, stopping at the first failure.
# lint → type-check (app, lab-engine) → vitest (units + data layer on SQLite, and on
# PostgreSQL when TEST_DATABASE_URL is set) → next build → Playwright e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
bin=node_modules/.bin
started=$SECONDS

step() {
  local name=$1
  shift
  local t0=$SECONDS
  printf '\n\033[1m━━ %s\033[0m\n' "$name"
  if ! "$@"; then
    printf '\n\033[1;31m✗ FAILED: %s\033[0m\n' "$name" >&2
    exit 1
  fi
  printf '\033[32m✓ %s (%ss)\033[0m\n' "$name" $((SECONDS - t0))
}

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "note: TEST_DATABASE_URL is not set, so data-layer tests run on SQLite only (.ci/run sets it)."
fi

step "lint (eslint)" "$bin/eslint" .
step "type-check: app" "$bin/tsc" -p tsconfig.json --noEmit
step "type-check: lab-engine" "$bin/tsc" -p lab-engine --noEmit
step "prisma schemas in sync" "$bin/tsx" scripts/db/schemas.ts --check
step "unit + integration (vitest)" "$bin/vitest" run
# Types were checked above; the build need not check them a second time.
step "build (next build)" env KUBELAB_SKIP_BUILD_TYPECHECK=1 "$bin/next" build
step "end-to-end (playwright, chromium)" "$bin/playwright" test

printf '\n\033[1;32m✓ all checks passed in %ss\033[0m\n' $((SECONDS - started))
