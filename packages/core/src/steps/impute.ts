/**
 * Imputation of one indicator in one frame (year), from the same frame's other units or from the same
 * unit's other frames. Matches COINr's `i_mean`, `i_median`, `i_mean_grp`, `i_median_grp` and
 * `impute_panel(imp_type = "latest" | "constant" | "linear")`.
 */
import { fail } from '../errors';
import type { ImputeSpec } from '../schema/indicator-set';
import { ExactSum, quantileSorted } from '../util/stats';

const sum = new ExactSum();

export interface ImputeResult {
  /** The frame's values, missing ones filled where the method could (a new array of nUnits). */
  values: Float64Array;
  /** 1 where a value was imputed. */
  imputed: Uint8Array;
}

/** @internal Mean or median of the present values of the frame at the units `who` picks (all when undefined). */
function centre(
  col: Float64Array,
  base: number,
  nUnits: number,
  median: boolean,
  who?: (i: number) => boolean,
): number {
  let n = 0;
  const s = sum.reset();
  for (let i = 0; i < nUnits; i++) {
    const v = col[base + i] as number;
    if (Number.isNaN(v) || (who && !who(i))) continue;
    n++;
    s.add(v);
  }
  if (n === 0) return Number.NaN;
  if (!median) return s.value() / n; // exactly rounded: the same whatever the order of the units
  const sorted = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < nUnits; i++) {
    const v = col[base + i] as number;
    if (Number.isNaN(v) || (who && !who(i))) continue;
    sorted[k++] = v;
  }
  return quantileSorted(sorted.sort(), 0.5);
}

/**
 * Fills the missing values of one frame of one indicator.
 *
 * Methods (`spec.method`):
 * - `none`: nothing filled.
 * - `mean`, `median`: the mean or median of the other units' values in the same frame (COINr `i_mean`,
 *   `i_median`).
 * - `group_mean`, `group_median`: the same within the unit's group `groups[i]` (COINr `i_mean_grp`,
 *   `i_median_grp`). A unit without a group, or whose group has no value in the frame, gets the overall
 *   mean or median instead (COINr leaves the first missing and the second NaN).
 * - `latest`: the unit's value in the latest earlier frame that has one (COINr `impute_panel`, "latest").
 * - `interpolate_linear`: linear in time between the unit's nearest earlier and later values; before the
 *   first or after the last value, the nearest value (COINr `impute_panel(imp_type = "linear")`, R
 *   `approx(rule = 2)`).
 * - `interpolate_constant`: the nearest earlier value (last observation carried forward); before the
 *   first value, the first later value (COINr `imp_type = "constant"`, `approx(method = "constant", rule = 2)`).
 * A value that cannot be filled (no data to fill from) stays NaN and is not flagged.
 *
 * @param col all frames of the indicator, frame-major: `col[f * nUnits + i]`.
 * @param nUnits number of units per frame.
 * @param frame index of the frame being assessed.
 * @param spec the imputation spec (`group` names the grouping column; the caller passes its values).
 * @param groups group of each unit (group methods).
 * @param times time of each frame (e.g. years) for `interpolate_linear`; default 0, 1, 2, … (equal spacing).
 * @param options `coinr`: COINr 1.1.14's group imputation (`methodology.compat: coinr`): a unit without a
 *   group, or whose group has no value, stays missing.
 * @throws GovscoreError E304 when the frame is out of range, `col` is not a whole number of frames, or a
 * group method gets no `groups`.
 * @example impute(Float64Array.of(1, NaN, 3), 3, 0, { method: 'mean' }).values // [1, 2, 3]
 */
export function impute(
  col: Float64Array,
  nUnits: number,
  frame: number,
  spec: ImputeSpec,
  groups?: readonly (string | undefined)[],
  times?: ArrayLike<number>,
  options: { coinr?: boolean } = {},
): ImputeResult {
  const nFrames = nUnits > 0 ? col.length / nUnits : 0;
  if (!Number.isInteger(nFrames) || frame < 0 || frame >= nFrames || !Number.isInteger(frame)) {
    fail(
      'E304',
      `impute: frame ${frame} of a column of ${col.length} values for ${nUnits} units is out of range`,
    );
  }
  const base = frame * nUnits;
  const values = col.slice(base, base + nUnits);
  const imputed = new Uint8Array(nUnits);
  const method = spec.method;
  if (method === 'none') return { values, imputed };

  let missing = 0;
  for (let i = 0; i < nUnits; i++) if (Number.isNaN(values[i] as number)) missing++;
  if (missing === 0) return { values, imputed };

  const set = (i: number, v: number) => {
    if (!Number.isNaN(v)) {
      values[i] = v;
      imputed[i] = 1;
    }
  };

  switch (method) {
    case 'mean':
    case 'median': {
      const c = centre(col, base, nUnits, method === 'median');
      for (let i = 0; i < nUnits; i++) if (Number.isNaN(values[i] as number)) set(i, c);
      break;
    }
    case 'group_mean':
    case 'group_median': {
      if (!groups || groups.length !== nUnits) {
        fail(
          'E304',
          `impute: ${method} needs the group of each of the ${nUnits} units${spec.group ? ` (column '${spec.group}')` : ''}`,
          {},
          "give the group column in the impute spec ('group') and in the data",
        );
      }
      const med = method === 'group_median';
      const overall = centre(col, base, nUnits, med);
      const cache = new Map<string, number>();
      for (let i = 0; i < nUnits; i++) {
        if (!Number.isNaN(values[i] as number)) continue;
        const g = groups[i];
        let c = Number.NaN;
        if (g !== undefined) {
          if (!cache.has(g))
            cache.set(
              g,
              centre(col, base, nUnits, med, (k) => groups[k] === g),
            );
          c = cache.get(g) as number;
        }
        // COINr (compat: coinr) leaves a unit without a group missing, and a group without data NaN
        set(i, Number.isNaN(c) && !options.coinr ? overall : c);
      }
      break;
    }
    case 'latest': {
      for (let i = 0; i < nUnits; i++) {
        if (!Number.isNaN(values[i] as number)) continue;
        for (let f = frame - 1; f >= 0; f--) {
          const v = col[f * nUnits + i] as number;
          if (!Number.isNaN(v)) {
            set(i, v);
            break;
          }
        }
      }
      break;
    }
    case 'interpolate_linear':
    case 'interpolate_constant': {
      if (times !== undefined && times.length !== nFrames) {
        fail('E304', `impute: ${times.length} frame times given for ${nFrames} frames`);
      }
      const t = (f: number) => (times ? (times[f] as number) : f);
      for (let i = 0; i < nUnits; i++) {
        if (!Number.isNaN(values[i] as number)) continue;
        let before = -1;
        for (let f = frame - 1; f >= 0; f--) {
          if (!Number.isNaN(col[f * nUnits + i] as number)) {
            before = f;
            break;
          }
        }
        let after = -1;
        for (let f = frame + 1; f < nFrames; f++) {
          if (!Number.isNaN(col[f * nUnits + i] as number)) {
            after = f;
            break;
          }
        }
        const vb = before >= 0 ? (col[before * nUnits + i] as number) : Number.NaN;
        const va = after >= 0 ? (col[after * nUnits + i] as number) : Number.NaN;
        if (before >= 0 && after >= 0) {
          if (method === 'interpolate_constant') set(i, vb);
          else set(i, vb + ((va - vb) * (t(frame) - t(before))) / (t(after) - t(before)));
        } else if (before >= 0) set(i, vb);
        else if (after >= 0) set(i, va);
      }
      break;
    }
    default: {
      const never: never = method;
      fail('E304', `impute: unknown method '${String(never)}'`);
    }
  }
  return { values, imputed };
}
