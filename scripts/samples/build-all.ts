/**
 * Rebuilds every sample under `samples/` (and the generated COINr indicator sets) from the shared
 * reference data and the seeded generators. Deterministic: running it twice gives the same bytes.
 * Run: `pnpm samples`. The shared data folder can be set with GOVSCORE_SHARED_DATA.
 */
import { build as cnProvincial } from './cn-provincial';
import { build as cnWebsiteInspection } from './cn-website-inspection';
import { build as cnZwfw } from './cn-zwfw';
import { build as coinrAsem } from './coinr-asem';
import { build as godi } from './godi';
import { build as gtmi } from './gtmi';
import { writeFiles } from './lib';
import { build as unEgdi } from './un-egdi';

const files = {
  ...cnProvincial(),
  ...cnZwfw(),
  ...coinrAsem(),
  ...gtmi(),
  ...unEgdi(),
  ...cnWebsiteInspection(),
  ...godi(),
};
writeFiles(files);
for (const path of Object.keys(files).sort()) process.stdout.write(`wrote ${path}\n`);
