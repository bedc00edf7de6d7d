/**
 * The assumptions of a robustness analysis: parsing the YAML form (`parseAnalysisSpec`), and
 * compiling a list of assumptions against a plan (`compileAssumptions`) into samplers that turn a
 * replication's uniform random numbers into settings — resolved once, applied thousands of times.
 *
 * Each assumption is one input of the analysis (one Sobol factor): a discrete choice (normalisation,
 * aggregation, imputation, treatment, node left out) draws one uniform u and takes choice ⌊u·k⌋ of k
 * (COINr `sample_2_para`, "discrete"); a weights assumption draws one u per weight it varies.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { fail, GovscoreError, type Location, type Problem, problem } from '../errors';
import { formatPath, type PathSegment, parseYaml } from '../load/yaml';
import {
  type Plan,
  type PlanSettings,
  prepareIndicator,
  type ResolvedMethod,
  resolveAggregate,
  resolveNormalise,
  resolveTreat,
} from '../plan/compile';
import { indicatorOf } from '../plan/tree';
import { AnalysisSpec, type Assumption, assumptionSchemas } from '../schema/analysis';
import type { AggregateSpec, ImputeSpec, NormaliseSpec, TreatSpec } from '../schema/indicator-set';
import { type TreatParams, treatDefaults } from '../steps/treat';
import type { AggregateMethod, NormaliseMethod } from '../steps/types';
import { nodeLevels } from './levels';

/** The settings and plan one replication runs with; assumptions write into them. @internal */
export interface WorkState {
  settings: PlanSettings;
  plan: Plan;
}

/** An assumption resolved against a plan. */
export interface CompiledAssumption {
  id: string;
  type: Assumption['type'];
  /** Uniform random numbers one replication draws for it. */
  dims: number;
  /** Discrete assumptions: a label per choice; the sample of a replication is the chosen index. */
  labels?: string[];
  /** Weights: the nodes whose weights vary; the sample is one multiplier per node. */
  nodes?: string[];
  /** Numbers recorded per replication (1 for a choice, one per node for weights). */
  recordSize: number;
  /**
   * @internal Applies uniforms `u[off … off + dims)` to the state and writes what was sampled to
   * `rec[recOff …]`.
   */
  apply(u: ArrayLike<number>, off: number, st: WorkState, rec: Float64Array, recOff: number): void;
}

/** @internal Choice ⌊u·k⌋ of k, clamped (COINr `cut(x, k)`). */
export function choiceOf(u: number, k: number): number {
  const c = Math.floor(u * k);
  return c < 0 ? 0 : c >= k ? k - 1 : c;
}

/** @internal Label of a method spec: `minmax` or `minmax {"min":1,"max":100}`. */
function methodLabel(spec: NormaliseSpec | AggregateSpec): string {
  if (typeof spec === 'string') return spec;
  return spec.params && Object.keys(spec.params).length
    ? `${spec.method} ${JSON.stringify(spec.params)}`
    : spec.method;
}

function treatLabel(spec: TreatSpec): string {
  const { method, ...rest } = spec;
  return Object.keys(rest).length ? `${method} ${JSON.stringify(rest)}` : method;
}

function imputeLabel(spec: ImputeSpec): string {
  return spec.group ? `${spec.method} (${spec.group})` : spec.method;
}

const where = (i: number, id: string): Location => ({ path: `assumptions[${i}]`, node: id });

/** @internal Node indices an assumption names (ids or levels), or all that `dflt` picks. */
function pick(
  plan: Plan,
  i: number,
  id: string,
  ids: readonly string[] | undefined,
  levels: readonly number[] | undefined,
  dflt: (idx: number) => boolean,
  ok: (idx: number) => string | null,
): number[] {
  const { tree } = plan;
  let out: number[];
  if (ids) {
    out = ids.map((nid) => {
      const idx = tree.byId.get(nid);
      if (idx === undefined) {
        fail(
          'E400',
          `assumption '${id}' names node '${nid}', which is not in the indicator set`,
          where(i, id),
          'use node ids of the set',
        );
      }
      return idx;
    });
    if (levels) {
      const lv = nodeLevels(tree);
      out = out.filter((x) => levels.includes(lv[x]!));
    }
  } else if (levels) {
    const lv = nodeLevels(tree);
    out = tree.nodes.filter((n) => levels.includes(lv[n.index]!)).map((n) => n.index);
  } else out = tree.nodes.filter((n) => dflt(n.index)).map((n) => n.index);
  for (const x of out) {
    const why = ok(x);
    if (why)
      fail(
        'E400',
        `assumption '${id}': node '${tree.nodes[x]!.id}' ${why}`,
        where(i, id),
        'remove it from the list',
      );
  }
  if (out.length === 0) {
    fail(
      'E400',
      `assumption '${id}' applies to no node`,
      where(i, id),
      'check its nodes, indicators or levels',
    );
  }
  return [...new Set(out)];
}

/**
 * Resolves assumptions against a plan: checks node ids, resolves every method choice to its kernel
 * once, prepares every imputation choice, and checks that no two assumptions set the same thing.
 *
 * @param plan the compiled plan (`compile(set, data)`)
 * @param list the assumptions (YAML `assumptions:` or code)
 * @returns one sampler per assumption, in order
 * @throws GovscoreError E400 for an unknown node, an assumption that applies to nothing, two assumptions
 *   setting the same weight or method, a duplicate id; E103/E108 for a bad method choice
 * @example compileAssumptions(plan, [{ type: 'aggregate', choices: ['arithmetic', 'geometric'] }])
 */
export function compileAssumptions(plan: Plan, list: readonly Assumption[]): CompiledAssumption[] {
  const { tree } = plan;
  const nodes = tree.nodes;
  const isInd = (x: number) => nodes[x]!.kind === 'indicator';
  const owners = new Map<string, string>();
  const claim = (slot: string, idx: number, id: string, i: number) => {
    const key = `${slot}:${idx}`;
    const other = owners.get(key);
    if (other !== undefined) {
      fail(
        'E400',
        `assumptions '${other}' and '${id}' both set the ${slot} of '${nodes[idx]!.id}'`,
        where(i, id),
        'let each node be varied by one assumption of a kind',
      );
    }
    owners.set(key, id);
  };
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  const out: CompiledAssumption[] = [];

  list.forEach((a, i) => {
    let id = a.id;
    if (id === undefined) {
      const k = (counts.get(a.type) ?? 0) + 1;
      counts.set(a.type, k);
      id = k === 1 ? a.type : `${a.type}_${k}`;
    }
    if (ids.has(id)) {
      fail('E400', `two assumptions are called '${id}'`, where(i, id), 'give each assumption its own id');
    }
    ids.add(id);
    const aid = id;

    switch (a.type) {
      case 'weights': {
        const sel = pick(
          plan,
          i,
          aid,
          a.nodes,
          a.levels,
          (x) => x !== 0,
          (x) => (x === 0 ? 'is the root, which has no weight to vary' : null),
        );
        for (const x of sel) claim('weight', x, aid, i);
        const f = a.factor;
        out.push({
          id: aid,
          type: 'weights',
          dims: sel.length,
          nodes: sel.map((x) => nodes[x]!.id),
          recordSize: sel.length,
          apply(u, off, st, rec, recOff) {
            const w = st.settings.weight;
            const w0 = plan.settings.weight;
            for (let k = 0; k < sel.length; k++) {
              const x = sel[k]!;
              const m = 1 + f * (2 * (u[off + k] as number) - 1);
              w[x] = (w0[x] as number) * m;
              rec[recOff + k] = m;
            }
          },
        });
        break;
      }
      case 'normalise': {
        const sel = pick(plan, i, aid, a.indicators, undefined, isInd, (x) =>
          isInd(x) ? null : 'is not an indicator',
        );
        for (const x of sel) claim('normalisation', x, aid, i);
        const resolved: ResolvedMethod<NormaliseMethod>[][] = a.choices.map((spec) =>
          sel.map((x) => resolveNormalise(spec, plan.info[x]!, nodes[x]!.id, 'minmax', plan.compat)),
        );
        out.push(
          discrete(aid, 'normalise', a.choices.map(methodLabel), (c, st) => {
            const r = resolved[c]!;
            for (let k = 0; k < sel.length; k++) st.settings.normalise[sel[k]!] = r[k]!;
          }),
        );
        break;
      }
      case 'aggregate': {
        const sel = pick(
          plan,
          i,
          aid,
          a.nodes,
          undefined,
          (x) => !isInd(x),
          (x) => (isInd(x) ? 'is an indicator' : null),
        );
        for (const x of sel) claim('aggregation', x, aid, i);
        const resolved: ResolvedMethod<AggregateMethod>[][] = a.choices.map((spec) =>
          sel.map((x) => resolveAggregate(spec, nodes[x]!.id, plan.compat)),
        );
        out.push(
          discrete(aid, 'aggregate', a.choices.map(methodLabel), (c, st) => {
            const r = resolved[c]!;
            for (let k = 0; k < sel.length; k++) st.settings.aggregate[sel[k]!] = r[k]!;
          }),
        );
        break;
      }
      case 'treat': {
        if ((a.max_points === undefined) === (a.choices === undefined)) {
          fail(
            'E400',
            `assumption '${aid}' needs either max_points or choices`,
            where(i, aid),
            'e.g. max_points: [1, 2, 3, 4, 5]',
          );
        }
        const sel = pick(plan, i, aid, a.indicators, undefined, isInd, (x) =>
          isInd(x) ? null : 'is not an indicator',
        );
        for (const x of sel) claim('treatment', x, aid, i);
        let labels: string[];
        let params: (TreatParams | null)[][];
        if (a.max_points) {
          labels = a.max_points.map((m) => `max_points ${m}`);
          params = a.max_points.map((m) =>
            sel.map((x) => ({ ...(plan.settings.treat[x] ?? treatDefaults), max_points: m })),
          );
        } else {
          const choices = a.choices!;
          labels = choices.map(treatLabel);
          params = choices.map((spec) => sel.map(() => resolveTreat(spec, plan.compat)));
        }
        out.push(
          discrete(aid, 'treat', labels, (c, st) => {
            const r = params[c]!;
            for (let k = 0; k < sel.length; k++) st.settings.treat[sel[k]!] = r[k]!;
          }),
        );
        break;
      }
      case 'impute': {
        if ([...owners.keys()].some((k) => k.startsWith('imputation:'))) {
          fail(
            'E400',
            `only one impute assumption is allowed ('${aid}' is the second)`,
            where(i, aid),
            'merge them into one',
          );
        }
        const sel = pick(plan, i, aid, a.indicators, undefined, isInd, (x) =>
          isInd(x) ? null : 'is not an indicator',
        );
        for (const x of sel) claim('imputation', x, aid, i);
        const nominal = (x: number): ImputeSpec =>
          indicatorOf(nodes[x]!).impute ?? plan.set.methodology?.impute ?? { method: 'none' };
        for (const spec of a.choices) {
          if (
            spec.group !== undefined &&
            !plan.units.some((u) => u.groups[spec.group as string] !== undefined)
          ) {
            fail(
              'E400',
              `assumption '${aid}': no unit has a group '${spec.group}'`,
              where(i, aid),
              'name a group column of the data',
            );
          }
        }
        const variants: Plan[] = a.choices.map((spec) => {
          const prepared = [...plan.prepared];
          for (const x of sel) {
            const nom = nominal(x);
            // the nominal imputation keeps the plan's own column, so that runs share their cache
            if (nom.method === spec.method && nom.group === spec.group) continue;
            prepared[x] = prepareIndicator(plan, x, spec).values;
          }
          return { ...plan, prepared };
        });
        out.push(
          discrete(aid, 'impute', a.choices.map(imputeLabel), (c, st) => {
            st.plan = variants[c]!;
          }),
        );
        break;
      }
      case 'exclude': {
        const sel = pick(
          plan,
          i,
          aid,
          a.nodes,
          a.levels,
          (x) => x !== 0,
          (x) => (x === 0 ? 'is the root, which cannot be left out' : null),
        );
        for (const x of sel) claim('inclusion', x, aid, i);
        const keepAll = a.keep_all ?? true;
        const labels = [...(keepAll ? ['none'] : []), ...sel.map((x) => nodes[x]!.id)];
        out.push(
          discrete(aid, 'exclude', labels, (c, st) => {
            const act = st.settings.active;
            for (const x of sel) act[x] = plan.settings.active[x] as number;
            const k = keepAll ? c - 1 : c;
            if (k >= 0) act[sel[k]!] = 0;
          }),
        );
        break;
      }
      default:
        fail(
          'E400',
          `unknown assumption type '${(a as { type: string }).type}'`,
          where(i, aid),
          `use one of: ${Object.keys(assumptionSchemas).join(', ')}`,
        );
    }
  });
  return out;
}

/** @internal A discrete assumption: one uniform, choice ⌊u·k⌋. */
function discrete(
  id: string,
  type: Assumption['type'],
  labels: string[],
  set: (choice: number, st: WorkState) => void,
): CompiledAssumption {
  const k = labels.length;
  return {
    id,
    type,
    dims: 1,
    labels,
    recordSize: 1,
    apply(u, off, st, rec, recOff) {
      const c = choiceOf(u[off] as number, k);
      set(c, st);
      rec[recOff] = c;
    },
  };
}

/**
 * The default assumptions when none are given: weights ±25% at every level below the index, one
 * assumption per level (`weights_L1`, `weights_L2`, …), so that a sensitivity analysis can tell the
 * levels apart.
 * @example defaultAssumptions(plan) // ASEM: weights_L1 (indicators), weights_L2 (pillars), weights_L3
 */
export function defaultAssumptions(plan: Plan): Assumption[] {
  const lv = nodeLevels(plan.tree);
  const top = lv[0]!;
  const out: Assumption[] = [];
  for (let l = 1; l < top; l++) out.push({ id: `weights_L${l}`, type: 'weights', factor: 0.25, levels: [l] });
  return out;
}

// ---------------------------------------------------------------------------------------------
// YAML

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** @internal The validator of the top level ('') or of one assumption type, compiled when first needed. */
function validatorOf(key: string): ValidateFunction | undefined {
  const have = validators.get(key);
  if (have) return have;
  if (key !== '' && !Object.hasOwn(assumptionSchemas, key)) return undefined;
  ajv ??= new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, logger: false });
  let schema: unknown;
  if (key === '') {
    const top = JSON.parse(JSON.stringify(AnalysisSpec)) as { properties: Record<string, unknown> };
    top.properties['assumptions'] = { type: 'array', items: { type: 'object' } };
    schema = top;
  } else schema = JSON.parse(JSON.stringify(assumptionSchemas[key as keyof typeof assumptionSchemas]));
  const v = ajv.compile(schema as object);
  validators.set(key, v);
  return v;
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown key '${(e.params as { additionalProperty: string }).additionalProperty}'`;
  if (e.keyword === 'enum')
    return `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return e.message ?? e.keyword;
}

/**
 * Parses and validates the YAML form of an analysis (assumptions and options). Pure; never throws for
 * bad input: every problem is returned with its line and column (code E400, E100/E111 for YAML).
 *
 * @param text the YAML text
 * @param file file name for messages
 * @example
 * const { spec, problems } = parseAnalysisSpec(
 *   'assumptions:\n  - type: aggregate\n    choices: [arithmetic, geometric]\n', 'analysis.yaml');
 */
export function parseAnalysisSpec(text: string, file?: string): { spec: AnalysisSpec; problems: Problem[] } {
  const yaml = parseYaml(text, file);
  const problems: Problem[] = [...yaml.problems];
  const value = yaml.value;
  const locate = (path: readonly PathSegment[]): Location => {
    const { line, col } = yaml.position(path);
    const loc: Location = { line, col };
    if (file !== undefined) loc.file = file;
    if (path.length) loc.path = formatPath(path);
    return loc;
  };
  const report = (errs: ErrorObject[] | null | undefined, base: PathSegment[]) => {
    for (const e of errs ?? []) {
      const segs = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      const path = [...base, ...segs];
      problems.push(
        problem(
          'E400',
          `${formatPath(path) || 'the document'}: ${ajvMessage(e)}`,
          locate(path),
          'see docs/analysis.md for the analysis file',
        ),
      );
    }
  };
  if (yaml.usable && value !== undefined && value !== null) {
    const top = validatorOf('')!;
    if (!top(value)) report(top.errors, []);
    const list = (value as { assumptions?: unknown }).assumptions;
    if (Array.isArray(list)) {
      list.forEach((a, i) => {
        const type = (a as { type?: unknown } | null)?.type;
        const check = typeof type === 'string' ? validatorOf(type) : undefined;
        if (!check || type === '') {
          problems.push(
            problem(
              'E400',
              `assumptions[${i}]: type ${JSON.stringify(type)} is not an assumption type`,
              locate(['assumptions', i]),
              `use one of: ${Object.keys(assumptionSchemas).join(', ')}`,
            ),
          );
        } else if (!check(a)) report(check.errors, ['assumptions', i]);
      });
    }
  }
  const spec = (
    value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
  ) as AnalysisSpec;
  const sorted = problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || (a.p.col ?? 0) - (b.p.col ?? 0) || a.i - b.i)
    .map((x) => x.p);
  return { spec, problems: sorted };
}

/**
 * `parseAnalysisSpec` that throws on any error.
 * @throws GovscoreError with every problem of the file
 */
export function loadAnalysisSpec(text: string, file?: string): AnalysisSpec {
  const { spec, problems } = parseAnalysisSpec(text, file);
  if (problems.some((p) => p.severity === 'error')) throw new GovscoreError(problems);
  return spec;
}
