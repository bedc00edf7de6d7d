/**
 * Evidence and agreement tables of a Result, and which evidence links may be made clickable.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess';
import { parseDatasetCsv } from '../src/load/dataset';
import { agreementTable, disagreementsTable, evidenceTable, safeHttpUrl } from '../src/result/evidence';
import type { IndicatorSet } from '../src/schema/indicator-set';

describe('safeHttpUrl', () => {
  it.each([
    ['https://gov.example/a?b=1', 'https://gov.example/a?b=1'],
    ['  http://gov.example  ', 'http://gov.example/'],
    ['javascript:alert(1)', undefined],
    ['JAVASCRIPT:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['//gov.example/x', undefined],
    ['/relative/path', undefined],
    ['https://user:pw@gov.example/', undefined],
    ['file:///etc/passwd', undefined],
    [undefined, undefined],
  ])('%j → %j', (url, expected) => {
    expect(safeHttpUrl(url)).toBe(expected);
  });
});

describe('evidence and agreement tables', () => {
  const set: IndicatorSet = {
    id: 'e',
    title: { zh: '证据', en: 'Evidence' },
    methodology: { normalise: 'none', raters: { rule: 'median' } },
    tree: {
      id: 'index',
      children: [
        {
          id: 'portal',
          name: { zh: '门户', en: 'Portal' },
          type: 'checklist',
          items: [
            { id: 'search', name: { zh: '搜索', en: 'Search' }, points: 1 },
            { id: 'api', points: 2 },
          ],
        },
      ],
    },
  };
  const csv = [
    'unit,indicator,value,rater,url,note',
    'A,portal.search,yes,li,https://a.example/s,=cmd()',
    'A,portal.search,no,wang,,',
    'A,portal.api,yes,li,,',
    'A,portal.api,yes,wang,,',
    'B,portal.search,partial,li,,',
    'B,portal.search,不适用,wang,,',
    'B,portal.api,no,li,,',
    'B,portal.api,no,wang,,',
  ].join('\n');
  const r = assess(set, parseDatasetCsv(csv, { set }).dataset);
  it('lists the evidence as text, with names', () => {
    expect(evidenceTable(r)).toEqual({
      name: 'evidence',
      header: [
        'region_id',
        'variable',
        'indicator',
        'item',
        'url',
        'file',
        'date',
        'note',
        'source',
        'rater',
      ],
      rows: [['A', 'portal.search', '门户', '搜索', 'https://a.example/s', null, null, '=cmd()', null, 'li']],
    });
    expect(evidenceTable(r, 'en', 'B').rows).toEqual([]);
  });
  it('lists the disagreements with every answer and the final value (median rule)', () => {
    // A search: yes/no → lower median 0; B search: partial / not applicable → the numeric answer 0.5
    expect(disagreementsTable(r, 'en').rows).toEqual([
      ['A', 'portal.search', 'Portal', 'Search', 'li=1; wang=0', 0, 'median'],
      ['B', 'portal.search', 'Portal', 'Search', 'li=0.5; wang=n/a', 0.5, 'median'],
    ]);
  });
  it('lists the agreement overall, per indicator and per variable', () => {
    const t = agreementTable(r);
    expect(t.rows.map((row) => [row[0], row[1], row[2], row[4]])).toEqual([
      // values with two numeric answers: A.search [1,0], A.api [1,1], B.api [0,0] → pairs 3, agreeing 2
      ['overall', '', 3, 2 / 3],
      ['indicator', 'portal', 3, 2 / 3],
      ['variable', 'portal.api', 2, 1],
      ['variable', 'portal.search', 1, 0],
    ]);
  });
});
