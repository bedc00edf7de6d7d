import { defineConfig } from 'tsdown';

// `pnpm build`: every package that has a tsdown.config.ts builds to its dist/ (ESM + .d.ts).
export default defineConfig({
  workspace: { include: ['packages/*', 'sites/*'] },
});
