/**
 * Ranking bar chart: one bar per unit, best first, coloured by tier, the tier written at the end of the
 * bar (colour is never the only carrier), and the tier thresholds marked as dashed rules.
 */
import type { Result } from '@govscore/core';
import { lowestSentence, missingSentence, spreadSentence, topSentence } from '../describe';
import { fullNames, list, sentences, t, unitKind } from '../i18n';
import { digitsOf, nodeName, ranksOf, rootNode, scoresOf, tiersOf, unitsOf } from '../result-access';
import { fitLabels, fmt } from '../text';
import type { BaseOptions, VegaLiteChart } from '../types';
import { vlTop } from '../vl';

export interface RankingOptions extends BaseOptions {
  /** Node ranked (default: the node tiers are computed on, else the root). */
  node?: string;
  /** Show only the best `top` units. */
  top?: number;
  /** Decimals of scores (default: by scale, see `digitsFor`). */
  digits?: number;
  /** Longest unit label in px before it is cut with `…` (default 120). */
  labelWidth?: number;
  /** Tier colours: the set's own when it gives them (default), or always the viridis palette. */
  tierColors?: 'set' | 'palette';
}

/**
 * Ranking bar chart of `options.node` (default: the tiered node or the root).
 * Threshold rules: each tier's `min` (thresholds); for quantile tiers, the lowest score in each tier but
 * the last. Units without a score are left out and named in the description.
 * @param result a Result of `assess()`
 * @throws GovscoreError E501 for an unknown node
 * @example toSvg(rankingChart(result, { lang: 'en', top: 10 }))
 */
export function rankingChart(result: Result, options: RankingOptions = {}): VegaLiteChart {
  const lang = options.lang ?? 'zh';
  const tiers = tiersOf(result, lang, options.tierColors);
  const node = options.node ?? tiers?.node ?? rootNode(result).id;
  const scores = scoresOf(result, node);
  const ranks = ranksOf(result, node);
  const useTiers = tiers !== null && tiers.node === node;
  const digits = options.digits ?? digitsOf(result, [node]);
  const units = unitsOf(result, lang);
  const present = units
    .filter((u) => scores[u.index] !== null)
    .sort((a, b) => (ranks[a.index] ?? Infinity) - (ranks[b.index] ?? Infinity) || a.index - b.index);
  const shown = options.top !== undefined ? present.slice(0, Math.max(0, options.top)) : present;
  const labels = fitLabels(shown, options.labelWidth ?? 120, 11);
  const seen = new Set<string>();
  const rows = shown.map((u, i) => {
    const tier = useTiers ? tiers.unitTier[u.index] : null;
    const score = scores[u.index]!;
    // a band per unit: two units whose (shortened) names are equal get distinct labels
    let label = labels[i]!.label;
    while (seen.has(label)) label += '\u200b';
    seen.add(label);
    return {
      id: u.id,
      order: i,
      label,
      score,
      rank: ranks[u.index],
      tier: tier?.label ?? '',
      text: tier ? `${fmt(score, digits)} ${tier.label}` : fmt(score, digits),
    };
  });
  const nName = nodeName(result, node, lang);

  // thresholds
  const thresholds: { value: number; label: string; tier: string }[] = [];
  if (useTiers) {
    const lv = tiers.levels.filter((l) => result.set.tiers?.veto?.id !== l.id);
    for (let i = 0; i < lv.length - 1; i++) {
      const l = lv[i]!;
      let value = l.min;
      if (value === undefined) {
        const inTier = units.filter((u) => tiers.unitTier[u.index]?.id === l.id && scores[u.index] !== null);
        if (inTier.length === 0) continue;
        value = Math.min(...inTier.map((u) => scores[u.index]!));
      }
      const sign = l.exclusive ? '>' : '≥';
      thresholds.push({
        value,
        label: `${sign} ${fmt(value, Math.min(digits, decimalsOf(value)))}`,
        tier: l.label,
      });
    }
  }

  const tierLevels = useTiers ? tiers.levels.filter((l) => rows.some((r) => r.tier === l.label)) : [];
  const y = {
    field: 'label',
    type: 'nominal' as const,
    // sort by position, not by an explicit list: vega compiles a list into one nested expression per
    // unit, which overflows the stack for thousands of units
    sort: { field: 'order', op: 'min' as const, order: 'ascending' as const },
    axis: { title: null, labelLimit: 0 },
  };
  const x = {
    field: 'score',
    type: 'quantitative' as const,
    title: lang === 'zh' ? `${nName}${t('score', lang)}` : `${nName} ${t('score', lang)}`,
  };
  const width = options.width ?? 420;
  const spec: VegaLiteChart['spec'] = {
    ...vlTop(lang),
    width,
    height: { step: 20 },
    layer: [
      ...(thresholds.length
        ? [
            {
              data: { values: thresholds },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#333333', strokeWidth: 1 },
              encoding: { x: { field: 'value', type: 'quantitative' as const } },
            },
          ]
        : []),
      {
        data: { values: rows },
        mark: { type: 'bar', height: { band: 0.72 } },
        encoding: {
          y,
          x,
          color: useTiers
            ? {
                field: 'tier',
                type: 'nominal',
                scale: { domain: tierLevels.map((l) => l.label), range: tierLevels.map((l) => l.color) },
                legend: { title: t('tier', lang), orient: 'bottom', direction: 'horizontal' },
              }
            : { value: '#0072B2' },
        },
      },
      {
        data: { values: rows },
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: '#222222' },
        encoding: { y, x, text: { field: 'text', type: 'nominal' } },
      },
      ...(thresholds.length
        ? [
            {
              data: { values: thresholds },
              mark: {
                type: 'text' as const,
                y: -8,
                align: 'center' as const,
                baseline: 'bottom' as const,
                fontSize: 10,
                color: '#333333',
              },
              encoding: {
                x: { field: 'value', type: 'quantitative' as const },
                text: { field: 'label', type: 'nominal' as const },
              },
            },
          ]
        : []),
    ],
  };

  const items = present.map((u) => ({ name: u.name, score: scores[u.index]! }));
  const missing = units.filter((u) => scores[u.index] === null).map((u) => u.name);
  const tierCounts =
    useTiers && tiers.levels.length
      ? `${t('tier', lang)}${t('colon', lang)}${list(
          tiers.levels
            .map((l) => ({ l, n: tiers.unitTier.filter((x) => x?.id === l.id).length }))
            .filter(({ l, n }) => n > 0 || l.id !== result.set.tiers?.veto?.id)
            .map(({ l, n }) => (lang === 'zh' ? `${l.label}${n}个` : `${l.label} ${n}`)),
          lang,
        )}`
      : '';
  const thresholdText = thresholds.length
    ? `${lang === 'zh' ? '等级门槛' : 'Thresholds'}${t('colon', lang)}${list(
        thresholds.map((th) => `${th.tier} ${th.label}`),
        lang,
      )}`
    : '';
  const kind = unitKind(result.set.unit, lang);
  const head =
    lang === 'zh'
      ? `按${nName}对${present.length}个${kind}排名${options.top !== undefined && options.top < present.length ? `，显示前${options.top}名` : ''}`
      : `Ranking of ${present.length} ${kind} by ${nName}${options.top !== undefined && options.top < present.length ? `, top ${options.top} shown` : ''}`;
  const description = sentences(
    [
      head,
      topSentence(items, digits, lang),
      lowestSentence(items, digits, lang),
      spreadSentence(
        items.map((i) => i.score),
        digits,
        lang,
      ),
      tierCounts,
      thresholdText,
      missingSentence(missing, lang),
      fullNames(labels, lang),
    ],
    lang,
  );
  const year = result.year;
  const title =
    options.title ??
    (lang === 'zh'
      ? `${year !== undefined ? `${year}年` : ''}${nName}排名`
      : `Ranking by ${nName}${year !== undefined ? `, ${year}` : ''}`);
  return { kind: 'vega-lite', name: 'ranking', lang, title, description, spec };
}

/** Decimals needed to write `v` exactly (at most 3). */
function decimalsOf(v: number): number {
  for (let d = 0; d < 3; d++) if (Math.abs(Math.round(v * 10 ** d) - v * 10 ** d) < 1e-9) return d;
  return 3;
}
