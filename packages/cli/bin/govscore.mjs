#!/usr/bin/env node
// The `govscore` command: runs the built CLI (dist/, made by `pnpm build`), which the package imports
// by its own name. Inside the govscore repository, tests and `pnpm govscore` start it with
// `node --conditions=govscore-source --import tsx`, and the same import then resolves to the
// TypeScript sources (package.json "exports"); the published package has only dist/.
import { main } from 'govscore';

process.exitCode = await main(process.argv.slice(2));
