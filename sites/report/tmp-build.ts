import { readFileSync } from 'node:fs';
import { parseResult } from '@govscore/core';
import { buildReport } from './src/build';

const rs = ['2023', '2024'].map((y) => parseResult(readFileSync(`/tmp/site/r${y}.json`, 'utf8')));
const t0 = performance.now();
const s = await buildReport({ results: rs }, { outDir: '/tmp/site/out2', logLevel: 'info' });
console.log(s, performance.now() - t0);
