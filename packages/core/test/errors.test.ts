import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codes, formatProblem, GovscoreError, problem } from '../src/errors';

const docs = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'errors.md'), 'utf8');

describe('the error catalogue', () => {
  it('documents every code in docs/errors.md', () => {
    const missing = Object.keys(codes).filter((c) => !docs.includes(`### ${c} `));
    expect(missing).toEqual([]);
  });

  it('gives warnings and errors their severity by letter', () => {
    expect(problem('W300', 'x').severity).toBe('warning');
    expect(problem('E300', 'x').severity).toBe('error');
  });

  it('formats a problem as file:line:col CODE message [path] — hint', () => {
    const p = problem('E101', 'bad', { file: 'a.yaml', line: 3, col: 5, path: 'tree.id' }, 'fix it');
    expect(formatProblem(p)).toBe('a.yaml:3:5 E101 bad [tree.id] — fix it');
    const cell = problem('E204', 'not a number', { file: 'd.xlsx', sheet: '在线服务', row: 7, column: 'D' });
    expect(formatProblem(cell)).toBe('d.xlsx!在线服务!D7 E204 not a number');
    expect(formatProblem(problem('W300', 'm', { node: 'A', unit: 'u1' }))).toBe('W300 m [node A, unit u1]');
  });

  it('a GovscoreError carries every problem and the first code', () => {
    const e = new GovscoreError([problem('E102', 'one'), problem('E104', 'two')]);
    expect(e.code).toBe('E102');
    expect(e.problems).toHaveLength(2);
    expect(e.message).toContain('2 problems');
  });
});
