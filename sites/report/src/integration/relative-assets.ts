/**
 * After the build, rewrites the bundled assets' absolute URLs (`/reports/2025/_astro/x.js`) in every
 * HTML file to relative ones (`../_astro/x.js`), so that pages work under any base path and from the
 * file system; every other link is already relative (see `src/lib/paths.ts`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function relativeAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'govscore-relative-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        const re = new RegExp(`(\\s(?:src|href)=")${escapeRe(base)}(_astro/)`, 'g');
        for (const file of htmlFiles(root)) {
          const depth = relative(root, file).split(sep).length - 1;
          const up = depth ? '../'.repeat(depth) : './';
          const html = readFileSync(file, 'utf8');
          const out = html.replace(re, `$1${up}$2`);
          if (out !== html) writeFileSync(file, out);
        }
      },
    },
  };
}
