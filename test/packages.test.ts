/**
 * Every package of the workspace is declared as docs/releasing.md says: one version (the core's
 * VERSION, which `govscore --version` prints), licence, engines, repository, `files`, and `exports`
 * whose `govscore-source` condition names an existing source file while `publishConfig.exports` — what
 * `pnpm pack` publishes — are the same without it, pointing at dist/. The packed packages themselves
 * are installed and used by test/install/smoke.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSION } from '@govscore/core';
import { describe, expect, it } from 'vitest';
import { root, runCli } from './hostile/cli';

type Exports = Record<string, string | Record<string, string>>;
const dirs = ['packages', 'sites'].flatMap((d) =>
  readdirSync(join(root, d))
    .map((p) => join(d, p))
    .filter((p) => existsSync(join(root, p, 'package.json'))),
);
const pkgs = dirs.map((dir) => ({
  dir,
  pkg: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')),
}));

describe('packages', () => {
  it('are the four published ones (and none is private)', () => {
    expect(
      pkgs
        .filter((p) => !p.pkg.private)
        .map((p) => p.pkg.name)
        .sort(),
    ).toEqual(['@govscore/charts', '@govscore/core', '@govscore/report-site', 'govscore']);
  });

  it.each(pkgs.map((p) => [p.pkg.name as string, p] as const))(
    '%s is declared for publishing',
    (_n, { dir, pkg }) => {
      expect(pkg.version).toBe(VERSION);
      expect(pkg.type).toBe('module');
      expect(pkg.license).toBe('MIT');
      expect(pkg.engines).toEqual({ node: '>=20.19' });
      expect(pkg.repository).toMatchObject({ type: 'git', directory: dir });
      expect(pkg.files).toContain('dist');
      expect(existsSync(join(root, dir, 'tsdown.config.ts'))).toBe(true);
      const exports = pkg.exports as Exports;
      const published = pkg.publishConfig.exports as Exports;
      expect(Object.keys(published)).toEqual(Object.keys(exports));
      for (const [key, target] of Object.entries(exports)) {
        if (typeof target === 'string') {
          expect(published[key], key).toBe(target);
          continue;
        }
        const { 'govscore-source': source, ...rest } = target;
        expect(Object.keys(target)[0], key).toBe('govscore-source');
        expect(existsSync(join(root, dir, source!)), `${key} → ${source}`).toBe(true);
        expect(published[key], key).toEqual(rest);
        expect(Object.keys(rest), key).toEqual(['types', 'import']);
        expect(rest['import'], key).toMatch(/^\.\/dist\/.+\.js$/);
        expect(rest['types'], key).toBe(rest['import']!.replace(/\.js$/, '.d.ts'));
      }
      for (const [name, range] of Object.entries({ ...pkg.dependencies }))
        if (name.startsWith('@govscore/') || name === 'govscore') expect(range, name).toBe('workspace:*');
      expect(Object.keys(pkg.dependencies ?? {})).not.toContain('tsx');
    },
  );

  it('govscore --version prints the version', async () => {
    const r = await runCli('--version');
    expect(r.out).toBe(`${VERSION}\n`);
  });
});
