/**
 * Writes the illustrative sample of `indicators/cn-website-inspection-2019.yaml`:
 * `samples/cn-website-inspection/answers.csv`, the answers of two raters (li, wang; a third, zhao, on
 * one item) to every check item for six fictitious government websites, with evidence (url,
 * screenshot file, date checked, note) and the adjudicated answer wherever the raters disagree.
 * The answers are made up to exercise each rule of the scheme (a veto, capped deductions, a
 * department site without services scored out of 75 × 4/3, the bonus threshold, the pass mark);
 * `test/cn-website-inspection.test.ts` checks the scores computed by hand from the table below.
 * Deterministic. Run: `pnpm exec tsx scripts/samples/cn-website-inspection.ts`.
 */
import { isMain, toCsv, writeFiles } from './lib';

const VETO = ['v_security', 'v_available', 'v_updated', 'v_columns', 'v_errors', 'v_response'];
const NORMAL = [
  'r_overview',
  'r_news',
  'r_policy',
  'r_interpret',
  'r_catalogue',
  's_guide',
  's_forms',
  's_online',
  'i_reply',
  'i_quality',
  'i_survey',
  'i_interview',
  'u_home',
  'u_links',
  'u_search',
  'u_mobile',
];
const BONUS = ['b_intensive', 'b_data', 'b_smart'];

interface Site {
  id: string;
  zh: string;
  en: string;
  url: string;
  /** Answers other than the defaults (veto and normal items yes, bonus items no). */
  answers: Record<string, string>;
  /** Items the raters answered differently: each rater's answer (the adjudicated answer is `answers`). */
  disputed?: Record<string, Record<string, string>>;
  /** Notes on answers (the first rater's evidence). */
  notes?: Record<string, string>;
}

/** The six websites and their answers; see the test for the scores they give. */
export const SITES: Site[] = [
  {
    id: 'site-a',
    zh: '示例甲市人民政府门户网站',
    en: 'City A government portal (example)',
    url: 'https://www.a.example.gov.cn/',
    answers: { r_interpret: '部分', u_links: '否', b_intensive: '是', b_data: '部分' },
    disputed: { r_interpret: { li: '部分', wang: '是' } },
    notes: { r_interpret: '部分政策文件无解读', u_links: '首页 2 处断链' },
  },
  {
    id: 'site-b',
    zh: '示例乙市人民政府门户网站',
    en: 'City B government portal (example)',
    url: 'https://www.b.example.gov.cn/',
    answers: {
      r_news: '否',
      r_catalogue: '否',
      s_guide: '部分',
      i_reply: '否',
      i_survey: '否',
      u_search: '部分',
      b_data: '是',
    },
    disputed: { s_guide: { li: '部分', wang: '否' } },
    notes: { r_news: '政务动态 3 周未更新', i_reply: '2 条留言超期未答复' },
  },
  {
    id: 'site-c',
    zh: '示例丙市统计局网站',
    en: 'City C statistics bureau website (example)',
    url: 'https://tjj.c.example.gov.cn/',
    answers: {
      s_guide: '不适用',
      s_forms: '不适用',
      s_online: '不适用',
      i_interview: '否',
      u_mobile: '否',
      b_smart: '是',
    },
    disputed: { b_smart: { li: '是', wang: '否' } },
    notes: { s_guide: '不承担对外服务职能，不检查办事服务', b_smart: '有智能问答' },
  },
  {
    id: 'site-d',
    zh: '示例丁县人民政府门户网站',
    en: 'County D government portal (example)',
    url: 'https://www.d.example.gov.cn/',
    answers: { v_columns: '否' },
    notes: { v_columns: '6 个栏目半年未更新' },
  },
  {
    id: 'site-e',
    zh: '示例戊县人民政府门户网站',
    en: 'County E government portal (example)',
    url: 'https://www.e.example.gov.cn/',
    answers: {
      r_overview: '否',
      r_news: '否',
      r_policy: '否',
      r_interpret: '否',
      s_guide: '否',
      s_online: '否',
      i_reply: '否',
      i_quality: '否',
      i_survey: '否',
      i_interview: '否',
      u_links: '否',
      u_search: '否',
    },
    disputed: { u_home: { li: '是', wang: '否' } },
    notes: { u_home: '复核：监测期内打不开比例 0.6%' },
  },
  {
    id: 'site-f',
    zh: '示例己区人民政府门户网站',
    en: 'District F government portal (example)',
    url: 'https://www.f.example.gov.cn/',
    answers: { r_policy: '否', i_reply: '否', u_links: '否', b_intensive: '是' },
    disputed: { u_links: { li: '否', wang: '否', zhao: '是' } },
    notes: { u_links: '3 处错链' },
  },
];

/** Builds the sample files: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const rows: (string | number | null)[][] = [];
  const date = (k: number) => `2025-03-${String(3 + k).padStart(2, '0')}`;
  SITES.forEach((s, k) => {
    for (const item of [...VETO, ...NORMAL, ...BONUS]) {
      const variable = `inspection.${item}`;
      const final = s.answers[item] ?? (BONUS.includes(item) ? '否' : '是');
      const disputed = s.disputed?.[item];
      const note = s.notes?.[item] ?? null;
      const problem = final === '否' || final === '部分';
      const raters = disputed ?? { li: final, wang: final };
      Object.entries(raters).forEach(([rater, answer], r) => {
        const first = r === 0;
        rows.push([
          s.id,
          s.zh,
          s.en,
          variable,
          answer,
          rater,
          first ? s.url : null,
          first && problem ? `${s.id}-${item}.png` : null,
          date(k),
          first ? note : null,
        ]);
      });
      if (disputed)
        rows.push([s.id, s.zh, s.en, variable, final, 'adjudicated', s.url, null, date(k + 1), '复核结论']);
    }
  });
  const comments = [
    '# Illustrative answers (示例数据，不代表真实检查结果) for indicators/cn-website-inspection-2019.yaml.',
    '# Written by scripts/samples/cn-website-inspection.ts; see samples/cn-website-inspection/README.md.',
  ];
  return {
    'samples/cn-website-inspection/answers.csv': toCsv(
      ['unit', 'name_zh', 'name_en', 'indicator', 'value', 'rater', 'url', 'file', 'date', 'note'],
      rows,
      comments,
    ),
  };
}

if (isMain(import.meta.url)) writeFiles(build());
