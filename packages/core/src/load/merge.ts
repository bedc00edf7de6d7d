/**
 * Merging datasets read from several tables (the sheets of a data workbook: one per dimension, one for
 * checklist answers, one per extra rater) into one, by unit id. Pure.
 */
import { type Location, type Problem, problem } from '../errors';
import type { RatersSpec } from '../schema/indicator-set';
import { applyRatings } from '../steps/raters';
import { mergeEvidence, type ValueLocator } from './dataset';
import type { Dataset, Evidence, Rating, Unit } from './dataset-types';

/** One part to merge: a dataset and how to find one of its values in its file (for messages). */
export interface DatasetPart {
  dataset: Dataset;
  /** Where the value of a unit and variable (and year) is, e.g. `{sheet, row, column}`. */
  locate?: ValueLocator;
}

/**
 * Merges datasets by unit id: units in order of first appearance (name and groups from the first part
 * that has them), years and variables united, values placed by unit, variable and year. A value given
 * in two parts is E212 naming both places, unless equal; ratings are pooled and the rated values taken
 * again over every rater's answers (`applyRatings`); evidence of the same value is merged.
 *
 * @param parts the datasets, in the order their values are read
 * @param opts file name and source hash of the whole, and the set's `methodology.raters`
 * @returns the merged dataset and its problems (E212)
 * @example mergeDatasets([{ dataset: dims }, { dataset: checklist }], { file: 'data.xlsx' })
 */
export function mergeDatasets(
  parts: readonly DatasetPart[],
  opts: { file?: string; hash?: string; raters?: RatersSpec } = {},
): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const units: Unit[] = [];
  const unitIndex = new Map<string, number>();
  const yearSet = new Set<number>();
  const variables: string[] = [];
  const varSet = new Set<string>();
  for (const { dataset: d } of parts) {
    for (const u of d.units) {
      const i = unitIndex.get(u.id);
      if (i === undefined) {
        unitIndex.set(u.id, units.length);
        units.push({ ...u, groups: { ...u.groups } });
      } else {
        const t = units[i]!;
        if (t.name === undefined && u.name !== undefined) t.name = u.name;
        for (const [g, v] of Object.entries(u.groups)) if (!Object.hasOwn(t.groups, g)) t.groups[g] = v;
      }
    }
    for (const y of d.years) yearSet.add(y);
    for (const v of d.variables)
      if (!varSet.has(v)) {
        varSet.add(v);
        variables.push(v);
      }
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const frameOf = new Map(years.map((y, f) => [y, f]));
  const n = units.length;
  const frames = Math.max(1, years.length);

  // cells rated by someone are taken again from every rater's answers: not conflicts
  const ratings: Rating[] = [];
  const rated = new Set<string>();
  const raterSeen = new Map<string, number>();
  parts.forEach(({ dataset: d }, p) => {
    for (const r of d.ratings ?? []) {
      rated.add(`${r.unit}\u0000${r.variable}\u0000${r.year ?? ''}`);
      const k = `${r.unit}\u0000${r.variable}\u0000${r.year ?? ''}\u0000${r.rater}`;
      const first = raterSeen.get(k);
      if (first !== undefined && first !== p) {
        const a = parts[first]!.locate?.(r.unit, r.variable, r.year) ?? {};
        problems.push(
          problem(
            'E212',
            `rater ${r.rater} answers ${r.variable} of unit ${r.unit} on two sheets (${describe(a)} and ${describe(r.where ?? {})})`,
            { ...(opts.file !== undefined ? { file: opts.file } : {}), ...(r.where ?? {}), unit: r.unit },
            'keep one answer per rater; delete the other row',
          ),
        );
        continue;
      }
      raterSeen.set(k, p);
      ratings.push(r);
    }
  });

  const values = new Map<string, Float64Array>();
  const na = new Map<string, Uint8Array>();
  const from = new Map<string, number>(); // cell → part that gave it
  for (const v of variables) values.set(v, new Float64Array(n * frames).fill(Number.NaN));
  parts.forEach(({ dataset: d, locate }, p) => {
    const dn = d.units.length;
    for (const [v, col] of d.values) {
      const target = values.get(v)!;
      const naCol = d.notApplicable?.get(v);
      for (let f = 0; f < Math.max(1, d.years.length); f++) {
        const year = d.years[f];
        const tf = year === undefined ? 0 : frameOf.get(year)!;
        for (let i = 0; i < dn; i++) {
          const x = col[f * dn + i]!;
          const isNa = naCol?.[f * dn + i] === 1;
          if (Number.isNaN(x) && !isNa) continue;
          const unit = d.units[i]!.id;
          const ti = unitIndex.get(unit)!;
          const at = tf * n + ti;
          const key = `${unit}\u0000${v}\u0000${year ?? ''}`;
          const prev = from.get(key);
          if (prev !== undefined && !rated.has(key)) {
            const same = isNa ? na.get(v)?.[at] === 1 : target[at] === x;
            if (!same) {
              const a = parts[prev]!.locate?.(unit, v, year) ?? {};
              const b = locate?.(unit, v, year) ?? {};
              problems.push(
                problem(
                  'E212',
                  `${v} of unit ${unit}${year !== undefined ? ` in ${year}` : ''} is given twice, differently (${describe(a)} and ${describe(b)})`,
                  { ...(opts.file !== undefined ? { file: opts.file } : {}), ...b, unit },
                  'give each value on one sheet only',
                ),
              );
            }
            continue;
          }
          from.set(key, p);
          target[at] = x;
          if (isNa) {
            let c = na.get(v);
            if (!c) na.set(v, (c = new Uint8Array(n * frames)));
            c[at] = 1;
          }
        }
      }
    }
  });

  let evidence: Map<string, Evidence> | undefined;
  for (const { dataset: d } of parts) {
    for (const [k, ev] of d.evidence ?? []) {
      evidence ??= new Map();
      const before = evidence.get(k);
      evidence.set(k, before ? mergeEvidence(before, ev) : ev);
    }
  }
  const source: Dataset['source'] = {};
  if (opts.file !== undefined) source.file = opts.file;
  if (opts.hash !== undefined) source.hash = opts.hash;
  let dataset: Dataset = { units, years, variables, values, source };
  if (na.size) dataset.notApplicable = na;
  if (evidence?.size) dataset.evidence = evidence;
  if (ratings.length) {
    dataset.ratings = ratings;
    dataset = applyRatings(dataset, opts.raters);
  }
  return { dataset, problems };
}

function describe(l: Location): string {
  if (l.sheet !== undefined && l.row !== undefined && l.column !== undefined)
    return `${l.sheet}!${l.column}${l.row}`;
  if (l.sheet !== undefined) return l.sheet;
  if (l.line !== undefined) return `line ${l.line}`;
  return 'another sheet';
}
