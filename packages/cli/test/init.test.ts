/**
 * `govscore init` makes a real assessment: the template's sample markers left out (unless --sample),
 * a package.json pinning this govscore with the commands as npm scripts, a .gitignore of the outputs,
 * group names in the site config, a README whose commands run from the assessment's folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { langText, loadIndicatorSet, parseIndicatorSet, VERSION } from '@govscore/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/hostile/cli';
import { INDICATORS_DIR, templateIds } from '../src/commands/init';
import { packageName, realAssessmentYaml, siteYaml } from '../src/commands/init-files';

const tmp = mkdtempSync(join(tmpdir(), 'govscore-init-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = runCli;
const template = (id: string) => readFileSync(join(INDICATORS_DIR, `${id}.yaml`), 'utf8');
const illustrative = templateIds().filter((id) => /^illustrative: true$/m.test(template(id)));

describe('realAssessmentYaml', { timeout: 60_000 }, () => {
  it('the shipped illustrative templates are the two Chinese samples', () => {
    expect(illustrative).toEqual(['cn-provincial-digital-government', 'cn-website-inspection-2019']);
  });

  it.each([
    [
      'cn-provincial-digital-government',
      '省级数字政府能力评估指标体系',
      'Provincial Digital Government Capability Index',
    ],
    [
      'cn-website-inspection-2019',
      '政府网站检查指标（2019 年版）',
      'Government website inspection indicators (2019 edition)',
    ],
  ])('%s: not illustrative, titles without the sample marker, the rest unchanged', (id, zh, en) => {
    const src = template(id);
    const out = realAssessmentYaml(src);
    const before = parseIndicatorSet(src, `${id}.yaml`);
    const after = parseIndicatorSet(out, `${id}.yaml`);
    expect(after.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(after.set.illustrative).toBeUndefined();
    expect(after.set.title).toEqual({ zh, en });
    for (const lang of ['zh', 'en']) {
      const d = langText(after.set.description, lang);
      expect(d).not.toMatch(/示例数据|样例数据|illustrative data|sample data/i);
      expect(d.length).toBeGreaterThan(100);
    }
    // everything else is the template's
    const { title: _t, description: _d, illustrative: _i, ...rest } = after.set;
    const { title: _t2, description: _d2, illustrative: _i2, ...restBefore } = before.set;
    expect(rest).toEqual(restBefore);
    // comments kept (the methodology's notes)
    expect(out.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBe(
      src.split('\n').filter((l) => l.trimStart().startsWith('#')).length,
    );
    expect(out.split('\n').slice(0, 12).join('\n')).not.toMatch(/（示例）|\(illustrative\)/);
  });

  it('a template that is not illustrative is copied as it is', () => {
    const src = template('coinr-asem');
    expect(realAssessmentYaml(src)).toBe(src);
  });

  it('the provincial description keeps its other sentences', () => {
    const out = loadIndicatorSet(realAssessmentYaml(template('cn-provincial-digital-government')));
    expect(langText(out.description, 'zh')).toMatch(/逐级加权算术平均。$/);
    expect(langText(out.description, 'en')).toMatch(/then aggregated by weighted arithmetic means\.$/);
  });
});

describe('govscore init', { timeout: 60_000 }, () => {
  it('writes a real assessment: package.json pinning govscore, scripts, .gitignore, relative README', async () => {
    const dir = join(tmp, 'My Assessment 2025');
    const r = await run('init', dir, '--template', 'cn-provincial-digital-government', '--quiet');
    expect(r.code, r.err).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toEqual({
      name: 'my-assessment-2025',
      version: '0.0.0',
      private: true,
      description: '省级数字政府能力评估指标体系 — assessment (govscore)',
      scripts: {
        validate: 'govscore validate indicator-set.yaml --data data.xlsx',
        assess:
          'govscore assess indicator-set.yaml --data data.xlsx --out out/result.json --csv out/scores.csv',
        report: 'govscore report indicator-set.yaml --data data.xlsx --config site.yaml --out out/report',
      },
      devDependencies: { govscore: VERSION },
    });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$[\s\S]*^out\/$/m);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).not.toContain(tmp);
    expect(readme).toContain('Run every command below in this folder.');
    expect(readme).toContain('npm run assess        # govscore assess indicator-set.yaml');
    const set = readFileSync(join(dir, 'indicator-set.yaml'), 'utf8');
    expect(set).toMatch(
      /^# yaml-language-server: \$schema=node_modules\/@govscore\/core\/schema\/indicator-set\.schema\.json$/m,
    );
    expect(set).not.toMatch(/^illustrative:/m);
    // a provincial set without units: the four regions are named
    expect(readFileSync(join(dir, 'site.yaml'), 'utf8')).toContain(
      '  "northeast": {"zh":"东北","en":"Northeast"}',
    );
  });

  it('--sample keeps the illustrative demo', async () => {
    const dir = join(tmp, 'demo');
    const r = await run('init', dir, '--sample', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ template: 'cn-provincial-digital-government', sample: true });
    const set = loadIndicatorSet(readFileSync(join(dir, 'indicator-set.yaml'), 'utf8'));
    expect(set.illustrative).toBe(true);
    expect(langText(set.title, 'zh')).toBe('省级数字政府能力评估指标体系（示例）');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('as the illustrative sample (`--sample`)');
  });

  it('names unknown groups by themselves, with a note to rename them', () => {
    const set = loadIndicatorSet(template('coinr-asem'));
    const y = siteYaml(set, ['Asia', 'east'], false);
    expect(y).toContain(
      '  "Asia": "Asia" # rename: the name shown in the report\n  "east": {"zh":"东部","en":"East"}\n',
    );
  });

  it.each([
    ['My Assessment 2025', 'my-assessment-2025'],
    ['评估', 'assessment'],
    ['.hidden_', 'hidden'],
  ])('package name of folder %j is %j', (folder, name) => {
    expect(packageName(folder)).toBe(name);
  });
});
