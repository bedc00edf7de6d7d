/**
 * The fields narrative templates see, looked up from the model (see lib/narrative.ts).
 */
import { t } from './i18n';
import {
  groupLabel,
  nodeLabel,
  nodeValue,
  type ReportModel,
  rankedCount,
  scoreChangeOf,
  tierLabel,
  type UnitView,
  unitLabel,
} from './model';
import { type OverviewContext, type ProfileContext, paragraphs, renderText, templateText } from './narrative';

const KINDS: Record<string, { zh: string; en: string }> = {
  province: { zh: '省份', en: 'provinces' },
  city: { zh: '城市', en: 'cities' },
  county: { zh: '区县', en: 'counties' },
  country: { zh: '国家', en: 'countries' },
};

/** Plural word for the kind of unit: 省份 / provinces; 地区 / regions when unknown. */
export function unitKind(model: ReportModel, lang: string): string {
  const k = KINDS[(model.current.set.unit ?? '').toLowerCase()];
  if (k) return lang.startsWith('zh') ? k.zh : k.en;
  return lang.startsWith('zh') ? '地区' : 'regions';
}

/** The profile template's fields for a unit. */
export function profileContext(model: ReportModel, u: UnitView, lang: string): ProfileContext {
  // the dimensions furthest above and below the average of all units (not the highest and lowest
  // scores: a dimension everyone scores high on is not a strength), by the difference of the numbers
  // shown; ties in the order of the tree
  const rel = model.dims.flatMap((d) => {
    const r = scoreChangeOf(model, d.id, model.average.get(d.id), nodeValue(model, d.id, u.index).score);
    return r === null ? [] : [{ d, r }];
  });
  let best: (typeof rel)[number] | undefined;
  let worst: (typeof rel)[number] | undefined;
  for (const x of rel) {
    if (x.r > 0 && (!best || x.r > best.r)) best = x;
    if (x.r < 0 && (!worst || x.r < worst.r)) worst = x;
  }
  const groupN = u.group !== null ? (model.groupSum.get(u.group)?.get(model.root.id)?.n ?? null) : null;
  const names = (ids: string[] | undefined) =>
    (ids ?? []).map((id) => nodeLabel(model.nodes.get(id), lang) || id);
  return {
    name: unitLabel(u, lang),
    id: u.id,
    year: model.year ?? null,
    score: u.score,
    rank: u.rank,
    n: rankedCount(model, model.root.id),
    unit_kind: unitKind(model, lang),
    tier: u.tier !== null ? tierLabel(model, u.tier, lang) : null,
    subclass: u.subclass,
    group: u.group !== null ? groupLabel(model, u.group, lang) : null,
    group_rank: u.groupRank,
    group_n: groupN,
    has_prev: u.prev !== null && u.prev.rank !== null && model.prevYear !== undefined,
    prev_year: model.prevYear ?? null,
    prev_rank: u.prev?.rank ?? null,
    prev_score: u.prev?.score ?? null,
    rank_change: u.rankChange,
    score_change: u.scoreChange,
    best_dimension: best ? nodeLabel(best.d, lang) : null,
    best_gap: best ? best.r : null,
    worst_dimension: worst ? nodeLabel(worst.d, lang) : null,
    worst_gap: worst ? -worst.r : null,
    decimals: model.decimals.get(model.root.id) ?? 1,
    strengths: names(model.current.strengths[u.index]),
    weaknesses: names(model.current.weaknesses[u.index]),
  };
}

/** The overview template's fields. */
export function overviewContext(model: ReportModel, lang: string, title: string): OverviewContext {
  const scores = model.ranked.map((u) => u.score).filter((s): s is number => s !== null);
  const sorted = [...scores].sort((a, b) => a - b);
  const m = sorted.length;
  const median = m ? (m % 2 ? sorted[(m - 1) / 2]! : (sorted[m / 2 - 1]! + sorted[m / 2]!) / 2) : null;
  return {
    title,
    year: model.year ?? null,
    n: rankedCount(model, model.root.id),
    unit_kind: unitKind(model, lang),
    top: model.ranked
      .filter((u) => u.rank !== null)
      .slice(0, 3)
      .map((u) => unitLabel(u, lang)),
    top_score: model.ranked[0]?.score ?? null,
    median_score: median,
    tiers: model.tiers
      .filter((x) => x.count > 0)
      .map((x) => ({ name: tierLabel(model, x.id, lang), count: x.count })),
    has_prev: model.previous !== null,
    prev_year: model.prevYear ?? null,
    decimals: model.decimals.get(model.root.id) ?? 1,
  };
}

/** The narrative paragraphs of a template key. */
export function narrative(model: ReportModel, key: string, lang: string, context: object): string[] {
  const text = templateText(key, lang, {
    ...(model.config.templates ? { config: model.config.templates } : {}),
    ...(model.current.set.templates ? { set: model.current.set.templates } : {}),
  });
  return paragraphs(renderText(text, context, key));
}

/** "3 of 31" / "第 3 名（共 31 个）". */
export function rankOf(rank: number | null, n: number, lang: string): string {
  return rank === null ? '–' : t('rankOfN', lang, { rank, n });
}
