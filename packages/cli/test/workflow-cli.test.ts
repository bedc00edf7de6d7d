/**
 * The evaluator-facing parts of the CLI: progress (a bar on a terminal, lines otherwise, nothing with
 * --quiet or --json), terminal-safe printing of data, help with examples for every command, init and
 * template usage errors.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../src/commands';
import { templateIds } from '../src/commands/init';
import { main } from '../src/main';
import { type Io, printable } from '../src/output';
import { progress } from '../src/progress';

function capture(tty = false) {
  const lines: string[] = [];
  const raw: string[] = [];
  const io: Io = {
    out: (s) => lines.push(`out:${s}`),
    err: (s) => lines.push(`err:${s}`),
    ...(tty ? { tty: { write: (s: string) => raw.push(s), columns: 60 } } : {}),
  };
  return { io, lines, raw };
}

describe('progress', () => {
  it('plain lines when stderr is not a terminal', () => {
    const c = capture();
    const p = progress(c.io, { command: 'assess', total: 2 });
    p.step('reading');
    p.step('assessing');
    p.done();
    expect(c.lines).toEqual(['err:govscore assess: [1/2] reading', 'err:govscore assess: [2/2] assessing']);
  });
  it('a bar redrawn in place on a terminal, cleared at the end', () => {
    const c = capture(true);
    const p = progress(c.io, { command: 'assess', total: 4 });
    p.step('reading');
    p.step('assessing');
    p.done();
    expect(c.lines).toEqual([]);
    expect(c.raw).toEqual([
      `\r\x1b[K${'█'.repeat(5)}${'░'.repeat(15)} 1/4 reading`,
      `\r\x1b[K${'█'.repeat(10)}${'░'.repeat(10)} 2/4 assessing`,
      '\r\x1b[K',
    ]);
  });
  it('nothing with --quiet or --json', () => {
    for (const o of [{ quiet: true }, { json: true }]) {
      const c = capture(true);
      const p = progress(c.io, { command: 'assess', total: 1, ...o });
      p.step('x');
      p.done();
      expect([...c.lines, ...c.raw]).toEqual([]);
    }
  });
});

describe('printable', () => {
  it.each([
    ['plain text and 中文', 'plain text and 中文'],
    ['red\u001b[31m', 'red\\u{1b}[31m'],
    ['line\rover', 'line\\u{d}over'],
    ['bidi \u202e evil', 'bidi \\u{202e} evil'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
  ])('%j', (input, expected) => {
    expect(printable(input)).toBe(expected);
  });
});

describe('every command', () => {
  it.each(Object.keys(commands))('%s has help with examples', async (name) => {
    const c = capture();
    expect(await main([name, '--help'], c.io)).toBe(0);
    const text = c.lines.join('\n');
    expect(text).toContain(`govscore ${name}`);
    expect(text).toMatch(/Examples:\n {2}govscore /);
  });
  it('the top-level help lists init and template and the exit codes', async () => {
    const c = capture();
    await main(['--help'], c.io);
    const text = c.lines.join('\n');
    expect(text).toMatch(/init +scaffold an assessment/);
    expect(text).toMatch(/template +write a data-entry workbook/);
    expect(text).toContain('2 usage error');
  });
});

describe('init and template usage', () => {
  it('init --list names the shipped indicator sets', async () => {
    const c = capture();
    expect(await main(['init', '--list', '--json'], c.io)).toBe(0);
    const ids = JSON.parse(c.lines[0]!.slice(4));
    expect(ids).toEqual(templateIds());
    expect(ids).toContain('cn-website-inspection-2019');
    expect(ids).toContain('global-open-data-index-2015');
  });
  it.each([
    [['init', '/tmp/x', '--template', 'nope'], /unknown template 'nope'/],
    [['template', 'set.yaml'], /--out/],
    [['template', 'set.yaml', '--out', 'data.ods'], /must end in .xlsx or .csv/],
    [['template', 'set.yaml', '--out', 'd.xlsx', '--year', 'soon'], /--year must be an integer/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const c = capture();
    expect(await main(argv as string[], c.io)).toBe(2);
    expect(c.lines.join('\n')).toMatch(message);
  });
});
