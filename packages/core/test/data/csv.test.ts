import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../src/load/csv';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseCsv', () => {
  const cases: { name: string; text: string; rows: [number, string[]][]; delimiter?: string }[] = [
    {
      name: 'plain LF',
      text: 'a,b\n1,2\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'CRLF',
      text: 'a,b\r\n1,2\r\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'lone CR (old Mac)',
      text: 'a,b\r1,2',
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'no final newline',
      text: 'a,b\n1,2',
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'BOM dropped',
      text: '\uFEFFid,x\nA,1\n',
      rows: [
        [1, ['id', 'x']],
        [2, ['A', '1']],
      ],
    },
    {
      name: 'quoted delimiter and doubled quotes',
      text: 'a,b\n"x, y","say ""hi"""\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['x, y', 'say "hi"']],
      ],
    },
    {
      name: 'embedded newlines keep later line numbers right',
      text: 'a,b\n"line1\nline2\r\nline3",2\nz,3\n',
      rows: [
        [1, ['a', 'b']],
        [2, ['line1\nline2\r\nline3', '2']],
        [5, ['z', '3']],
      ],
    },
    {
      name: 'empty fields',
      text: 'a,b,c\n,,\n1,,3\n',
      rows: [
        [1, ['a', 'b', 'c']],
        [2, ['', '', '']],
        [3, ['1', '', '3']],
      ],
    },
    {
      name: 'trailing delimiter at end of file',
      text: 'a,b\n1,',
      rows: [
        [1, ['a', 'b']],
        [2, ['1', '']],
      ],
    },
    {
      name: 'blank lines skipped, numbering kept',
      text: 'a\n\n1\n\r\n2\n',
      rows: [
        [1, ['a']],
        [3, ['1']],
        [5, ['2']],
      ],
    },
    {
      name: 'quote inside an unquoted field kept',
      text: 'a\n5"\n',
      rows: [
        [1, ['a']],
        [2, ['5"']],
      ],
    },
    {
      name: 'text after a closing quote kept',
      text: 'a\n"x"y\n',
      rows: [
        [1, ['a']],
        [2, ['xy']],
      ],
    },
    {
      name: 'semicolon detected',
      text: 'id;x\nA;1,5\n',
      rows: [
        [1, ['id', 'x']],
        [2, ['A', '1,5']],
      ],
      delimiter: ';',
    },
    {
      name: 'tab detected',
      text: 'id\tx\nA\t1\n',
      rows: [
        [1, ['id', 'x']],
        [2, ['A', '1']],
      ],
      delimiter: '\t',
    },
    {
      name: 'spaces are data (not trimmed)',
      text: ' a , b \n',
      rows: [[1, [' a ', ' b ']]],
    },
  ];
  it.each(cases)('$name', ({ text, rows, delimiter }) => {
    const out = parseCsv(text);
    expect(out.problems).toEqual([]);
    expect(out.rows.map((r) => [r.line, r.cells])).toEqual(rows);
    if (delimiter) expect(out.delimiter).toBe(delimiter);
  });

  it('skips comment lines before the header only', () => {
    const out = parseCsv('# source: x\n# note\nid,x\n#A,1\n', { comment: '#' });
    expect(out.rows.map((r) => [r.line, r.cells])).toEqual([
      [3, ['id', 'x']],
      [4, ['#A', '1']],
    ]);
  });

  it('reports an unterminated quote with the line where it opened', () => {
    const out = parseCsv('id,x\nA,"1\nB,2\n', { file: 'f.csv' });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ code: 'E200', file: 'f.csv', line: 2, col: 2 });
    expect(out.problems[0]!.message).toContain('unterminated');
    expect(out.rows[1]!.cells).toEqual(['A', '1\nB,2\n']);
  });

  it('reads the BOM + CRLF + semicolon fixture with quoted delimiters and embedded CRLF', () => {
    const out = parseCsv(fixture('bom-crlf-semicolon.csv'));
    expect(out.delimiter).toBe(';');
    expect(out.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['id', 'name', 'x', 'note']],
      [2, ['A', 'Alpha; the first', '1.5', 'two\r\nlines']],
      [4, ['B', 'Beta', '-2', 'say "hi"']],
    ]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"a;b",c', ','], // the ; is inside quotes
    ['a;b,c;d', ';'],
    ['single', ','],
    ['\n\n# c;d;e\nx\ty', '\t'],
  ])('%j → %j', (text, d) => {
    expect(detectDelimiter(text, '#')).toBe(d);
  });
});
