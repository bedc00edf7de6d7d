/**
 * Generates the illustrative sample data of `indicators/cn-provincial-digital-government.yaml`:
 * `samples/cn-provincial/cn-provincial.csv`, 31 provinces × 2 years (2023, 2024), wide form.
 *
 * 示例数据，不代表真实评估结果 / illustrative data, not real assessment results. There are no public
 * data at this level; the values are synthetic, made by a seeded model so that ranges and correlations
 * are plausible:
 *
 * - each province has a latent capability: a regional effect (east > central > northeast ≈ west) plus a
 *   seeded normal draw; each dimension adds its own draw (so dimensions correlate, but not perfectly);
 *   2024 adds a general improvement and a small province-specific change;
 * - each indicator's score on its goalposts is 100 · logistic(difficulty + slope · latent + noise);
 *   the raw value is the point of the goalpost range at that score (reversed for lower-is-better),
 *   rounded as such figures are published; yes/no items, checklist items and the ordinal level are
 *   drawn with the same logistic probabilities;
 * - about 2% of values are missing; one province fails a veto item of the website inspection in 2023.
 *
 * Deterministic: mulberry32 with a fixed seed; same code → same bytes.
 * Run: `pnpm exec tsx scripts/samples/cn-provincial.ts` (or `pnpm samples`).
 */
import { isMain, mulberry32, normal, round, toCsv, writeFiles } from './lib';
import { type Province, provinces } from './provinces';

/** Seed of the generator; change it only together with the sample's README. */
export const SEED = 20240601;
export const YEARS = [2023, 2024] as const;

type Dim = 'transparency' | 'online_service' | 'interaction' | 'data_openness' | 'security';

/** How one indicator's values are made. `lo`/`hi` are its goalposts in raw units. */
interface Gen {
  id: string;
  dim: Dim;
  kind: 'value' | 'binary' | 'ordinal' | 'per_million' | 'log_count';
  dir: 1 | -1;
  lo: number;
  hi: number;
  /** Decimals written. */
  dec: number;
  /** Logistic offset: higher = easier (scores nearer 100). */
  a: number;
  /** Valid range of the raw value (values are clipped to it). */
  min?: number;
  max?: number;
}

const pct = { min: 0, max: 100 };

/** Every indicator of the set except the two checklists, in tree order. */
export const gens: Gen[] = [
  {
    id: 'disclosure_catalog_rate',
    dim: 'transparency',
    kind: 'value',
    dir: 1,
    lo: 60,
    hi: 100,
    dec: 1,
    a: 1.6,
    ...pct,
  },
  {
    id: 'policy_interpretation_rate',
    dim: 'transparency',
    kind: 'value',
    dir: 1,
    lo: 50,
    hi: 100,
    dec: 1,
    a: 1.3,
    ...pct,
  },
  {
    id: 'request_reply_days',
    dim: 'transparency',
    kind: 'value',
    dir: -1,
    lo: 5,
    hi: 20,
    dec: 1,
    a: 1.2,
    min: 1,
  },
  {
    id: 'disclosure_correction_rate',
    dim: 'transparency',
    kind: 'value',
    dir: -1,
    lo: 0,
    hi: 15,
    dec: 1,
    a: 1.6,
    ...pct,
  },
  {
    id: 'satisfaction_rate',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 80,
    hi: 100,
    dec: 2,
    a: 1.9,
    ...pct,
  },
  {
    id: 'time_limit_reduction',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 20,
    hi: 80,
    dec: 1,
    a: 1.2,
    ...pct,
  },
  {
    id: 'full_online_rate',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 40,
    hi: 90,
    dec: 1,
    a: 1.3,
    ...pct,
  },
  {
    id: 'avg_visits',
    dim: 'online_service',
    kind: 'value',
    dir: -1,
    lo: 0.1,
    hi: 1.5,
    dec: 2,
    a: 1.3,
    min: 0.02,
  },
  {
    id: 'mobile_service_rate',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 30,
    hi: 100,
    dec: 1,
    a: 1.2,
    ...pct,
  },
  {
    id: 'e_license_types',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 50,
    hi: 400,
    dec: 0,
    a: 1.1,
    min: 10,
  },
  { id: 'unified_identity', dim: 'online_service', kind: 'binary', dir: 1, lo: 0, hi: 1, dec: 0, a: 3.0 },
  {
    id: 'matters_online_rate',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 70,
    hi: 100,
    dec: 1,
    a: 1.8,
    ...pct,
  },
  {
    id: 'cross_province_matters',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 0,
    hi: 200,
    dec: 0,
    a: 1.2,
    min: 0,
  },
  {
    id: 'guide_element_accuracy',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 70,
    hi: 100,
    dec: 1,
    a: 1.6,
    ...pct,
  },
  {
    id: 'guide_consistency',
    dim: 'online_service',
    kind: 'value',
    dir: 1,
    lo: 70,
    hi: 100,
    dec: 1,
    a: 1.4,
    ...pct,
  },
  {
    id: 'message_reply_days',
    dim: 'interaction',
    kind: 'value',
    dir: -1,
    lo: 1,
    hi: 15,
    dec: 1,
    a: 1.3,
    min: 0.5,
  },
  {
    id: 'message_ontime_rate',
    dim: 'interaction',
    kind: 'value',
    dir: 1,
    lo: 60,
    hi: 100,
    dec: 1,
    a: 1.6,
    ...pct,
  },
  {
    id: 'hotline_connect_rate',
    dim: 'interaction',
    kind: 'value',
    dir: 1,
    lo: 70,
    hi: 100,
    dec: 1,
    a: 1.5,
    ...pct,
  },
  { id: 'consultations', dim: 'interaction', kind: 'value', dir: 1, lo: 0, hi: 60, dec: 0, a: 1.0, min: 0 },
  { id: 'feedback_published', dim: 'interaction', kind: 'binary', dir: 1, lo: 0, hi: 1, dec: 0, a: 2.0 },
  {
    id: 'open_data_legal_basis',
    dim: 'data_openness',
    kind: 'ordinal',
    dir: 1,
    lo: 0,
    hi: 3,
    dec: 0,
    a: 1.6,
  },
  { id: 'open_data_plan', dim: 'data_openness', kind: 'binary', dir: 1, lo: 0, hi: 1, dec: 0, a: 2.2 },
  { id: 'open_datasets', dim: 'data_openness', kind: 'per_million', dir: 1, lo: 0, hi: 800, dec: 0, a: 1.1 },
  {
    id: 'machine_readable_rate',
    dim: 'data_openness',
    kind: 'value',
    dir: 1,
    lo: 50,
    hi: 100,
    dec: 1,
    a: 1.5,
    ...pct,
  },
  {
    id: 'dataset_update_rate',
    dim: 'data_openness',
    kind: 'value',
    dir: 1,
    lo: 30,
    hi: 100,
    dec: 1,
    a: 1.2,
    ...pct,
  },
  { id: 'data_apps', dim: 'data_openness', kind: 'log_count', dir: 1, lo: 1, hi: 300, dec: 0, a: 1.3 },
  { id: 'open_data_contest', dim: 'data_openness', kind: 'binary', dir: 1, lo: 0, hi: 1, dec: 0, a: 1.8 },
  { id: 'mlps_filing_rate', dim: 'security', kind: 'value', dir: 1, lo: 80, hi: 100, dec: 1, a: 1.9, ...pct },
  {
    id: 'mlps_assessment_rate',
    dim: 'security',
    kind: 'value',
    dir: 1,
    lo: 60,
    hi: 100,
    dec: 1,
    a: 1.5,
    ...pct,
  },
  { id: 'https_rate', dim: 'security', kind: 'value', dir: 1, lo: 50, hi: 100, dec: 1, a: 1.5, ...pct },
  { id: 'ipv6_rate', dim: 'security', kind: 'value', dir: 1, lo: 40, hi: 100, dec: 1, a: 1.3, ...pct },
  {
    id: 'high_risk_vulnerabilities',
    dim: 'security',
    kind: 'value',
    dir: -1,
    lo: 0,
    hi: 20,
    dec: 0,
    a: 1.4,
    min: 0,
  },
  {
    id: 'incident_response_hours',
    dim: 'security',
    kind: 'value',
    dir: -1,
    lo: 2,
    hi: 48,
    dec: 1,
    a: 1.3,
    min: 0.5,
  },
  { id: 'security_drill', dim: 'security', kind: 'binary', dir: 1, lo: 0, hi: 1, dec: 0, a: 2.2 },
];

/** Checklist items: indicator, item, logistic offset (veto items: see the veto rule below). */
export const checklistItems: { indicator: string; dim: Dim; item: string; a: number; veto?: boolean }[] = [
  { indicator: 'website_inspection', dim: 'transparency', item: 'site_accessible', a: 0, veto: true },
  { indicator: 'website_inspection', dim: 'transparency', item: 'content_updated', a: 0, veto: true },
  { indicator: 'website_inspection', dim: 'transparency', item: 'info_release', a: 2.6 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'policy_interpretation', a: 1.8 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'service_entry', a: 2.4 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'interaction_channel', a: 2.2 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'site_search', a: 2.0 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'mobile_adapted', a: 2.0 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'no_broken_links', a: 1.4 },
  { indicator: 'website_inspection', dim: 'transparency', item: 'new_media_matrix', a: 0.8 },
  { indicator: 'platform_functions', dim: 'data_openness', item: 'bulk_download', a: 2.4 },
  { indicator: 'platform_functions', dim: 'data_openness', item: 'api_access', a: 1.4 },
  { indicator: 'platform_functions', dim: 'data_openness', item: 'data_request', a: 1.8 },
  { indicator: 'platform_functions', dim: 'data_openness', item: 'usage_feedback', a: 1.6 },
  { indicator: 'platform_functions', dim: 'data_openness', item: 'open_licence', a: 0.9 },
];

const regionEffect: Record<Province['region'], number> = {
  east: 0.45,
  central: 0.05,
  northeast: -0.2,
  west: -0.25,
};
const dims: Dim[] = ['transparency', 'online_service', 'interaction', 'data_openness', 'security'];
const logistic = (z: number) => 1 / (1 + Math.exp(-z));
/** Weight of the latent capability in every indicator. */
const SLOPE = 0.7;
/** Share of values left missing. */
const MISSING = 0.02;

/** The header and rows of the sample (also used by the tests). */
export function generate(): { header: string[]; rows: (string | number | null)[][] } {
  const rand = mulberry32(SEED);
  const gauss = normal(rand);
  // latent capability: province base, dimension deviations, 2024 change
  const base = provinces.map((p) => regionEffect[p.region] + 0.45 * gauss());
  const dimDev = provinces.map(
    () => Object.fromEntries(dims.map((d) => [d, 0.35 * gauss()])) as Record<Dim, number>,
  );
  const change = provinces.map(() => 0.2 + 0.12 * gauss());
  const popChange = provinces.map(() => 1 + 0.004 * gauss());
  // one province fails the veto item 'site_accessible' in 2023
  const vetoProvince = Math.floor(rand() * provinces.length);

  const header = [
    'id',
    'name_zh',
    'name_en',
    'group',
    'year',
    'population',
    ...checklistItems
      .filter((c) => c.indicator === 'website_inspection')
      .map((c) => `${c.indicator}.${c.item}`),
    ...gens.slice(0, 4).map((g) => g.id),
    ...gens.slice(4, 20).map((g) => g.id),
    ...gens.slice(20, 22).map((g) => g.id),
    ...checklistItems
      .filter((c) => c.indicator === 'platform_functions')
      .map((c) => `${c.indicator}.${c.item}`),
    ...gens.slice(22).map((g) => g.id),
  ];
  const rows: (string | number | null)[][] = [];
  for (const [y, year] of YEARS.entries()) {
    provinces.forEach((p, i) => {
      const latent = (d: Dim) =>
        (base[i] as number) + (dimDev[i] as Record<Dim, number>)[d] + (y ? (change[i] as number) : 0);
      const pop = Math.round(p.pop2023 * 10000 * (y ? (popChange[i] as number) : 1));
      const cells = new Map<string, string | number | null>();
      for (const c of checklistItems) {
        let v: number;
        if (c.veto) v = c.item === 'site_accessible' && y === 0 && i === vetoProvince ? 0 : 1;
        else v = rand() < logistic(c.a + SLOPE * latent(c.dim)) ? 1 : 0;
        cells.set(`${c.indicator}.${c.item}`, v);
      }
      for (const g of gens) {
        const z = g.a + SLOPE * latent(g.dim) + 0.6 * gauss();
        const s = logistic(z); // score share on the goalposts, 0..1
        let v: number | string;
        if (g.kind === 'binary') v = rand() < s ? 1 : 0;
        else if (g.kind === 'ordinal')
          v = s >= 0.85 ? 'regulation' : s >= 0.6 ? 'rules' : s >= 0.3 ? 'policy' : 'none';
        else if (g.kind === 'log_count')
          v = Math.max(0, Math.round(Math.exp(Math.log(g.lo) + s * (Math.log(g.hi) - Math.log(g.lo)))));
        else if (g.kind === 'per_million') v = Math.round(((g.lo + s * (g.hi - g.lo)) * pop) / 1e6);
        else {
          // spread a little beyond the goalposts, as real values do
          const t = -0.08 + 1.16 * s;
          let x = g.dir === 1 ? g.lo + t * (g.hi - g.lo) : g.hi - t * (g.hi - g.lo);
          if (g.min !== undefined) x = Math.max(g.min, x);
          if (g.max !== undefined) x = Math.min(g.max, x);
          v = round(x, g.dec);
        }
        cells.set(g.id, v);
      }
      // missing values: whole indicators (a checklist loses one item, so its score is missing)
      for (const g of gens) if (rand() < MISSING) cells.set(g.id, null);
      for (const ind of ['website_inspection', 'platform_functions']) {
        if (rand() < MISSING) {
          const items = checklistItems.filter((c) => c.indicator === ind && !c.veto);
          const k = Math.floor(rand() * items.length);
          const it = items[k];
          if (it) cells.set(`${ind}.${it.item}`, null);
        }
      }
      rows.push([
        p.code,
        p.zh,
        p.en,
        p.region,
        year,
        pop,
        ...header.slice(6).map((h) => (cells.has(h) ? (cells.get(h) as string | number | null) : null)),
      ]);
    });
  }
  return { header, rows };
}

/** Builds the sample file: path (relative to the repository root) → text. */
export function build(): Record<string, string> {
  const { header, rows } = generate();
  return { 'samples/cn-provincial/cn-provincial.csv': toCsv(header, rows) };
}

if (isMain(import.meta.url)) writeFiles(build());
