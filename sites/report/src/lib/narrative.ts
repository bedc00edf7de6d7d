/**
 * Narrative text from Handlebars templates ("浙江省综合得分 96.7，位列第 1，属于非常高组……").
 *
 * Templates come, by precedence, from the site config (`templates`), the indicator set (`templates`),
 * then the defaults below, per template key (`profile`, `overview`) and language.
 *
 * Escaping is strict and done once: templates render to plain text (Handlebars' own HTML escaping is
 * off, so `{{{…}}}` gains nothing), and the page prints that text through Astro, which escapes it. A
 * template therefore cannot produce markup, and a region named `<script>` is shown as text. Templates
 * are compiled in strict mode: a misspelt field is an error at build time, not an empty string.
 */

import type { LangText } from '@govscore/core';
import Handlebars from 'handlebars';
import { fmt, signed, uiLang } from './i18n';

/** The fields every narrative template may use. Every key is always present (null when unknown). */
export interface ProfileContext {
  name: string;
  id: string;
  year: number | null;
  score: number | null;
  rank: number | null;
  n: number;
  unit_kind: string;
  tier: string | null;
  subclass: string | null;
  group: string | null;
  group_rank: number | null;
  group_n: number | null;
  has_prev: boolean;
  prev_year: number | null;
  prev_rank: number | null;
  prev_score: number | null;
  rank_change: number | null;
  score_change: number | null;
  /** The dimension furthest above the average of all units, and by how much (null when none is above). */
  best_dimension: string | null;
  best_gap: number | null;
  /** The dimension furthest below the average, and by how much, as a positive number (null when none is below). */
  worst_dimension: string | null;
  worst_gap: number | null;
  strengths: string[];
  weaknesses: string[];
  /** Decimals scores are shown with (the precision ranks are decided at): `{{fmt x}}` uses them. */
  decimals: number;
}

export interface OverviewContext {
  title: string;
  year: number | null;
  n: number;
  unit_kind: string;
  top: string[];
  top_score: number | null;
  median_score: number | null;
  tiers: { name: string; count: number }[];
  has_prev: boolean;
  prev_year: number | null;
  /** Decimals scores are shown with: `{{fmt x}}` uses them. */
  decimals: number;
}

export const defaultTemplates: Record<string, Record<'zh' | 'en', string>> = {
  profile: {
    zh:
      '{{name}}{{#if year}}{{year}}年{{/if}}综合得分 {{fmt score}}，位列第 {{rank}} 名（共 {{n}} 个{{unit_kind}}）' +
      '{{#if tier}}，属于{{tier}}组{{/if}}{{#if group_rank}}，在{{group}}组内排名第 {{group_rank}}{{/if}}。' +
      '{{#if best_dimension}}与全部{{unit_kind}}的平均相比，高出平均最多的维度是{{best_dimension}}（高 {{fmt best_gap}}）' +
      '{{#if worst_dimension}}，低于平均最多的是{{worst_dimension}}（低 {{fmt worst_gap}}）{{/if}}。' +
      '{{else if worst_dimension}}与全部{{unit_kind}}的平均相比，没有维度高于平均，低于平均最多的是{{worst_dimension}}（低 {{fmt worst_gap}}）。{{/if}}' +
      '{{#if has_prev}}与{{prev_year}}年相比，排名{{#if (gt rank_change 0)}}上升 {{rank_change}} 位' +
      '{{else if (lt rank_change 0)}}下降 {{abs rank_change}} 位{{else}}保持不变{{/if}}，得分变化 {{signed score_change decimals}}。{{/if}}' +
      '\n\n{{#if strengths.length}}优势指标：{{join strengths "、"}}。{{/if}}' +
      '{{#if weaknesses.length}}弱项指标：{{join weaknesses "、"}}。{{/if}}',
    en:
      '{{name}} scores {{fmt score}}{{#if year}} in {{year}}{{/if}} and ranks {{rank}} of {{n}} {{unit_kind}}' +
      '{{#if tier}}, in the {{tier}} tier{{/if}}{{#if group_rank}}; it ranks {{group_rank}} in the {{group}} group{{/if}}.' +
      '{{#if best_dimension}} Against the average of all {{unit_kind}}, its dimension furthest above the average is {{best_dimension}} (+{{fmt best_gap}})' +
      '{{#if worst_dimension}} and furthest below is {{worst_dimension}} (−{{fmt worst_gap}}){{/if}}.' +
      '{{else if worst_dimension}} No dimension is above the average of all {{unit_kind}}; furthest below it is {{worst_dimension}} (−{{fmt worst_gap}}).{{/if}}' +
      '{{#if has_prev}} Compared with {{prev_year}}, it {{#if (gt rank_change 0)}}moved up {{rank_change}} places' +
      '{{else if (lt rank_change 0)}}moved down {{abs rank_change}} places{{else}}kept its rank{{/if}}; its score changed by {{signed score_change decimals}}.{{/if}}' +
      '\n\n{{#if strengths.length}}Strengths: {{join strengths ", "}}. {{/if}}' +
      '{{#if weaknesses.length}}Weaknesses: {{join weaknesses ", "}}.{{/if}}',
  },
  overview: {
    zh:
      '{{#if year}}{{year}}年，{{/if}}共评估 {{n}} 个{{unit_kind}}。{{#if top.length}}排名前三的是{{join top "、"}}' +
      '{{#if top_score}}，第一名得分 {{fmt top_score}}{{/if}}。{{/if}}{{#if median_score}}得分中位数为 {{fmt median_score}}。{{/if}}' +
      '{{#each tiers}}{{#if @first}}分等级看，{{/if}}{{name}} {{count}} 个{{#if @last}}。{{else}}，{{/if}}{{/each}}',
    en:
      '{{n}} {{unit_kind}} were assessed{{#if year}} in {{year}}{{/if}}.{{#if top.length}} The top three are {{join top ", "}}' +
      '{{#if top_score}}; the first scores {{fmt top_score}}{{/if}}.{{/if}}{{#if median_score}} The median score is {{fmt median_score}}.{{/if}}' +
      '{{#each tiers}}{{#if @first}} By tier: {{/if}}{{name}} {{count}}{{#if @last}}.{{else}}, {{/if}}{{/each}}',
  },
};

const hb = Handlebars.create();
// `{{fmt x}}` shows x with the decimals scores are shown with (the context's `decimals`, the precision
// ranks are decided at), rounded as ranks are; `{{fmt x 0}}` with other decimals
hb.registerHelper('fmt', (...args: unknown[]) => {
  const [x, d] = args;
  const options = args[args.length - 1] as { data?: { root?: { decimals?: unknown } } };
  const root = options?.data?.root?.decimals;
  const decimals = args.length > 2 && typeof d === 'number' ? d : typeof root === 'number' ? root : 1;
  return fmt(typeof x === 'number' ? x : null, decimals);
});
hb.registerHelper('signed', (x: unknown, d: unknown) =>
  signed(typeof x === 'number' ? x : null, typeof d === 'number' ? d : 0),
);
hb.registerHelper('abs', (x: unknown) => (typeof x === 'number' ? Math.abs(x) : x));
hb.registerHelper('gt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a > b);
hb.registerHelper('lt', (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a < b);
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('join', (xs: unknown, sep: unknown) =>
  Array.isArray(xs) ? xs.map(String).join(typeof sep === 'string' ? sep : ', ') : '',
);

const cache = new Map<string, (ctx: object) => string>();

/** Which template text applies: config, then set, then the default; per language. */
export function templateText(
  key: string,
  lang: string,
  sources: { config?: Record<string, LangText>; set?: Record<string, LangText> },
): string {
  for (const src of [sources.config, sources.set]) {
    const t = src?.[key];
    if (t === undefined) continue;
    if (typeof t === 'string') return t;
    const v = t[lang] ?? (uiLang(lang) === lang ? undefined : t[uiLang(lang)]);
    if (v !== undefined) return v;
  }
  return defaultTemplates[key]?.[uiLang(lang)] ?? '';
}

/**
 * Renders a template to plain text (not HTML: the caller prints it as text, which escapes it).
 * @throws Error naming the template when it does not compile or uses an unknown field
 * @example renderText('{{name}} 第 {{rank}} 名', { name: '<b>', rank: 1 }) // '<b> 第 1 名'
 */
export function renderText(template: string, context: object, name = 'template'): string {
  let fn = cache.get(template);
  if (!fn) {
    try {
      fn = hb.compile(template, { noEscape: true, strict: true });
      fn({ ...context });
    } catch (e) {
      throw new Error(`narrative template '${name}' is not valid: ${(e as Error).message}`);
    }
    cache.set(template, fn);
  }
  try {
    return fn(context);
  } catch (e) {
    throw new Error(`narrative template '${name}' failed: ${(e as Error).message}`);
  }
}

/** Splits rendered text into paragraphs at blank lines; trims each; drops empty ones. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}
