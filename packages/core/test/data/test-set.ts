/** The indicator set the data tests read against: every kind of variable the loaders handle. */
import type { IndicatorSet } from '../../src/schema/indicator-set';

export const testSet: IndicatorSet = {
  id: 'data_test',
  title: { zh: '数据测试', en: 'Data test' },
  languages: ['zh', 'en'],
  tree: {
    id: 'index',
    children: [
      {
        id: 'online',
        children: [
          { id: 'online_service', type: 'percentage' },
          { id: 'response_days', direction: 'lower', range: { min: 0, max: 365 } },
          { id: 'apps', type: 'count', denominator: { by: 'population', scale: 1e6 } },
        ],
      },
      {
        id: 'open',
        children: [
          { id: 'has_portal', type: 'binary' },
          { id: 'maturity', type: 'ordinal', levels: { none: 0, partial: 1, full: 2 } },
          {
            id: 'portal',
            type: 'checklist',
            items: [
              { id: 'search', points: 1 },
              { id: 'api', points: 2 },
            ],
            scoring: { mode: 'sum' },
          },
        ],
      },
    ],
  },
};
