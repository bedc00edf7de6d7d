import { fail } from '../../errors';
import type { NormaliseMethod } from '../types';
import { ParamReader } from './shared';

export type CategoricalParams = {
  /** Codes (the numbers the data hold), aligned with `scores`. */
  codes: Float64Array;
  /** Score of each code. */
  scores: Float64Array;
};

/**
 * Categorical or ordinal scores by a map: `{map: {0: 0, 1: 60, 2: 100}}` gives each data value (a level's
 * number, see the indicator's `levels`) its score. The map's scores are final: the direction is not
 * applied (write the map so that better answers score higher). Missing values stay missing.
 * @throws GovscoreError E208 for a value the map does not list, naming the unit.
 * @example categorical of [0, 2, 1] with {map: {0: 0, 1: 60, 2: 100}}: [0, 100, 60]
 */
export const categorical: NormaliseMethod<CategoricalParams> = {
  key: 'categorical',
  description: 'a score for each category or level: {map: {value: score}}; direction not applied',
  resolve(params) {
    const r = new ParamReader(params, ['map']);
    const map = r.raw('map');
    const codes: number[] = [];
    const scores: number[] = [];
    if (map === null || typeof map !== 'object' || Array.isArray(map) || Object.keys(map).length === 0) {
      r.problem(`needs 'map': {value: score, ...} with at least one entry`);
    } else {
      for (const [k, v] of Object.entries(map as Record<string, unknown>)) {
        const code = Number(k);
        if (k.trim() === '' || !Number.isFinite(code)) {
          r.problem(
            `map key '${k}' is not a number (give the level's value, as in the indicator's 'levels')`,
          );
        } else if (typeof v !== 'number' || !Number.isFinite(v)) {
          r.problem(`map value for '${k}' must be a finite number, got ${JSON.stringify(v)}`);
        } else {
          codes.push(code);
          scores.push(v);
        }
      }
    }
    return {
      params: { codes: Float64Array.from(codes), scores: Float64Array.from(scores) },
      problems: r.problems,
    };
  },
  run(x, out, p, _info, ctx) {
    const m = p.codes.length;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) {
        out[i] = Number.NaN;
        continue;
      }
      let j = 0;
      while (j < m && p.codes[j] !== v) j++;
      if (j === m) {
        const unit = ctx.units[i] ?? `#${i + 1}`;
        fail(
          'E208',
          `'${ctx.node}' has value ${v} for unit '${unit}', which the categorical map does not list`,
          { node: ctx.node, unit },
          `add ${v} to the map (listed: ${Array.from(p.codes).join(', ')})`,
        );
      }
      out[i] = p.scores[j] as number;
    }
  },
};
