/**
 * Checks of an indicator set beyond its JSON Schema (codes E102–E112): unique ids, known methods and
 * valid parameters, weights, aggregates with children, tier thresholds and references, goalposts and
 * ranges, checklist and ordinal definitions.
 *
 * The checks read the parsed value defensively (it may also have failed the schema), so that one run
 * reports every problem of a file. Data-dependent checks (denominator columns E106, `rank.within`
 * columns, `dist_ref` units) belong to the dataset loader.
 */
import type { Location, Problem } from '../errors';
import { problem } from '../errors';
import type { TierSpec } from '../schema/indicator-set';
import type { NormaliseInfo } from '../steps/types';
import { formatPath, type PathSegment } from './yaml';

/** The method registries the checks consult (the engine's `normalisers`, `aggregators`, `validateTiers`). */
export interface Registries {
  normalisers: Record<
    string,
    { resolve(params: Record<string, unknown>, info: NormaliseInfo): { problems: string[] } }
  >;
  aggregators: Record<string, { resolve(params: Record<string, unknown>): { problems: string[] } }>;
  validateTiers(spec: TierSpec): string[];
}

/** Maps a path in the document to a location (file, line, column, path, node). */
export type Locate = (path: readonly PathSegment[], at?: 'value' | 'key') => Location;

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const num = (x: unknown): number | undefined => (typeof x === 'number' ? x : undefined);
const own = (o: object, k: string): boolean => Object.hasOwn(o, k);

/**
 * Optimal-string-alignment edit distance (Levenshtein plus adjacent transpositions), the usual
 * "did you mean" measure.
 * @internal
 */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/**
 * The known word closest to `word` (case-insensitive edit distance, ties to the first), if it is
 * close enough to be a likely typo: distance ≤ max(2, ⌊length/3⌋); else the first known word that contains
 * it or is contained in it (3 letters at least).
 * @internal
 * @example closest('wieght', ['weight', 'width']) // 'weight'
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const k of known) {
    const d = editDistance(w, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  if (best === undefined) return undefined;
  if (bestD <= Math.max(2, Math.floor(w.length / 3)) && bestD < Math.max(w.length, best.length)) return best;
  if (w.length < 3) return undefined;
  return known.find((k) => k.toLowerCase().includes(w) || (k.length >= 3 && w.includes(k.toLowerCase())));
}

/**
 * @internal Id of the deepest tree node on `path` (`tree.children[2].weight` → that child's id), if it
 * has one.
 */
export function nodeIdAt(root: unknown, path: readonly PathSegment[]): string | undefined {
  if (path[0] !== 'tree' || !isObj(root)) return undefined;
  let cur: unknown = root['tree'];
  let i = 1;
  while (path[i] === 'children' && typeof path[i + 1] === 'number' && isObj(cur)) {
    const ch = cur['children'];
    if (!Array.isArray(ch)) break;
    cur = ch[path[i + 1] as number];
    i += 2;
  }
  return isObj(cur) ? str(cur['id']) : undefined;
}

interface MethodRef {
  method: string;
  params: Record<string, unknown>;
  /** Path of the spec (`…normalise`) and of its params (`…normalise.params`, when written). */
  path: PathSegment[];
  paramsPath: PathSegment[];
  /** Written as `{method, params}` rather than a bare key. */
  object: boolean;
}

/**
 * @internal A weight the engine computes with: 0, or from 1e-9 to 1e9, so that the sum of any number
 * of siblings stays finite (1e308 + 1e308 overflowed and emptied every score) and their ratios exact.
 */
function saneWeight(w: number): boolean {
  return w === 0 || (w >= 1e-9 && w <= 1e9);
}

function methodRef(spec: unknown, path: PathSegment[]): MethodRef | undefined {
  if (typeof spec === 'string') return { method: spec, params: {}, path, paramsPath: path, object: false };
  if (isObj(spec) && typeof spec['method'] === 'string') {
    const hasParams = isObj(spec['params']);
    return {
      method: spec['method'],
      params: hasParams ? (spec['params'] as Record<string, unknown>) : {},
      path,
      paramsPath: hasParams ? [...path, 'params'] : path,
      object: true,
    };
  }
  return undefined;
}

interface NodeInfo {
  id: string | undefined;
  path: PathSegment[];
  value: Json;
}

/** Node ids refused: they would clash with JavaScript objects wherever ids are keys. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Runs every check beyond the schema.
 *
 * @param set The parsed document (ideally schema-valid; anything else is skipped, not thrown on).
 * @param locate Maps a path to its location in the file.
 * @param regs Method registries and tier validation of the engine.
 * @returns Problems with codes E102–E112, in document order of the checks.
 */
export function checkSemantics(set: unknown, locate: Locate, regs: Registries): Problem[] {
  const out: Problem[] = [];
  if (!isObj(set)) return out;
  const add = (code: Parameters<typeof problem>[0], message: string, loc: Location, hint?: string) =>
    out.push(problem(code, message, loc, hint));
  const meth = isObj(set['methodology']) ? set['methodology'] : {};
  const equalWeights = meth['weights'] === 'equal';

  const normKeys = Object.keys(regs.normalisers);
  const aggKeys = Object.keys(regs.aggregators);

  /** Checks a method key; returns the method when known. */
  const checkKey = <T>(
    ref: MethodRef,
    registry: Record<string, T>,
    keys: string[],
    what: string,
  ): T | undefined => {
    if (own(registry, ref.method)) return registry[ref.method];
    const near = closest(ref.method, keys);
    add(
      'E103',
      `unknown ${what} method \`${ref.method}\``,
      locate(ref.object ? [...ref.path, 'method'] : ref.path),
      `${near ? `did you mean \`${near}\`? ` : ''}known methods: ${keys.join(', ')}`,
    );
    return undefined;
  };

  const resolveSafely = (f: () => { problems: string[] }): string[] => {
    try {
      return f().problems;
    } catch (err) {
      return [err instanceof Error ? err.message : String(err)];
    }
  };

  // ---- the tree: ids, weights, children, methods
  const ids = new Map<string, PathSegment[]>();
  const indicators: NodeInfo[] = [];
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: set['tree'], path: ['tree'] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (!isObj(value)) continue;
    const id = str(value['id']);
    const info: NodeInfo = { id, path, value };
    if (id !== undefined && RESERVED_IDS.has(id))
      add(
        'E101',
        `id \`${id}\` is reserved`,
        locate([...path, 'id']),
        'choose another id: __proto__, constructor and prototype clash with JavaScript objects, and data files refuse them as column names',
      );
    if (id !== undefined) {
      const first = ids.get(id);
      if (first) {
        const a = locate([...first, 'id']);
        const b = locate([...path, 'id']);
        add(
          'E102',
          `id \`${id}\` is used twice, at lines ${a.line} and ${b.line}`,
          b,
          'ids must be unique across the tree; rename one of them',
        );
      } else ids.set(id, path);
    }
    const w = num(value['weight']);
    if (w !== undefined && w < 0)
      add(
        'E104',
        `weight of \`${id ?? formatPath(path)}\` is ${w}; weights cannot be negative`,
        locate([...path, 'weight']),
        'use 0 to keep a node without weight, or a positive number',
      );
    else if (w !== undefined && !equalWeights && !saneWeight(w))
      add(
        'E113',
        `weight of \`${id ?? formatPath(path)}\` is ${w}: ${Number.isFinite(w) ? `beyond what the engine computes with (0, or 1e-9 to 1e9: sums of such weights stay finite and exact)` : 'not a finite number'}`,
        locate([...path, 'weight']),
        'weights are relative among siblings: write them on one scale, e.g. 20, 25, 55 or 0.2, 0.25, 0.55',
      );
    const children = value['children'];
    if (Array.isArray(children)) {
      if (children.length === 0)
        add(
          'E105',
          `aggregate \`${id ?? formatPath(path)}\` has an empty \`children\` list`,
          locate([...path, 'children']),
          'add sub-nodes, or remove `children` to make it an indicator',
        );
      else if (!equalWeights) {
        const ws = children.map((c) => (isObj(c) ? (num(c['weight']) ?? 1) : 1));
        if (ws.every((x) => x === 0))
          add(
            'E104',
            `every child of \`${id ?? formatPath(path)}\` has weight 0, so their weights cannot be renormalised`,
            locate([...path, 'children']),
            'give at least one child a positive weight',
          );
      }
      for (let i = children.length - 1; i >= 0; i--)
        stack.push({ value: children[i], path: [...path, 'children', i] });
      const agg = methodRef(value['aggregate'], [...path, 'aggregate']);
      if (agg) checkAggregate(agg);
      const res = methodRef(value['rescale'], [...path, 'rescale']);
      if (res) checkNormalise(res, { direction: 1 }, 'rescaling');
    } else {
      indicators.push(info);
      checkIndicator(info);
    }
  }

  /** Where a parameter problem points: the parameter it names (quoted), else the params. */
  function paramLoc(ref: MethodRef, msg: string): Location {
    for (const k of Object.keys(ref.params))
      if (msg.includes(`'${k}'`) || msg.includes(`\`${k}\``) || msg.includes(`"${k}"`))
        return locate([...ref.paramsPath, k], 'key');
    return locate(ref.paramsPath);
  }

  function checkAggregate(ref: MethodRef): void {
    const m = checkKey(ref, regs.aggregators, aggKeys, 'aggregation');
    if (!m) return;
    for (const msg of resolveSafely(() => m.resolve(ref.params)))
      add('E108', `aggregation \`${ref.method}\`: ${msg}`, paramLoc(ref, msg), paramsHint(ref));
  }

  function checkNormalise(ref: MethodRef, info: NormaliseInfo, what: string): void {
    const m = checkKey(ref, regs.normalisers, normKeys, what);
    if (!m) return;
    for (const msg of resolveSafely(() => m.resolve(ref.params, info)))
      add('E108', `${what} \`${ref.method}\`: ${msg}`, paramLoc(ref, msg), paramsHint(ref));
  }

  function checkIndicator({ id, path, value }: NodeInfo): void {
    const name = `indicator \`${id ?? formatPath(path)}\``;
    const ownNorm = methodRef(value['normalise'], [...path, 'normalise']);
    if (ownNorm) checkNormalise(ownNorm, normaliseInfo(value), 'normalisation');

    const gp = value['goalposts'];
    if (isObj(gp)) {
      const lo = num(gp['low']);
      const hi = num(gp['high']);
      if (lo !== undefined && hi !== undefined && lo >= hi)
        add(
          'E112',
          lo === hi
            ? `goalposts of ${name} have low = high = ${lo}`
            : `goalposts of ${name} have low ${lo} above high ${hi}`,
          locate([...path, 'goalposts']),
          'write low < high in raw units; `direction: lower` turns them round for lower-is-better indicators',
        );
    }
    const range = value['range'];
    if (isObj(range)) {
      const lo = num(range['min']);
      const hi = num(range['max']);
      if (lo !== undefined && hi !== undefined && lo > hi)
        add(
          'E112',
          `range of ${name} has min ${lo} above max ${hi}`,
          locate([...path, 'range']),
          'swap min and max',
        );
    }

    const type = str(value['type']);
    const levels = value['levels'];
    if (type === 'ordinal' && !isObj(levels))
      add(
        'E110',
        `${name} has \`type: ordinal\` but no \`levels\``,
        locate([...path, 'type']),
        'add `levels:` mapping each answer to its value, e.g. `{none: 0, partial: 1, full: 2}`',
      );
    if (isObj(levels) && Object.keys(levels).length === 0)
      add(
        'E110',
        `\`levels\` of ${name} is empty`,
        locate([...path, 'levels']),
        'map each answer to its value, e.g. `{none: 0, partial: 1, full: 2}`',
      );
    if (isObj(levels) && type !== undefined && type !== 'ordinal' && type !== 'binary')
      add(
        'E110',
        `${name} has \`levels\` but \`type: ${type}\``,
        locate([...path, 'levels']),
        'levels apply to `type: ordinal` or `type: binary`',
      );

    const items = value['items'];
    const scoring = isObj(value['scoring']) ? value['scoring'] : undefined;
    if (type === 'checklist' && !Array.isArray(items))
      add(
        'E110',
        `${name} has \`type: checklist\` but no \`items\``,
        locate([...path, 'type']),
        'list the checklist items with `items:` (each with id and points)',
      );
    if (Array.isArray(items) && type !== 'checklist')
      add(
        'E110',
        `${name} has \`items\` but ${type === undefined ? 'no `type`' : `\`type: ${type}\``}`,
        locate([...path, 'items']),
        'add `type: checklist`',
      );
    if (scoring && !Array.isArray(items))
      add(
        'E110',
        `${name} has \`scoring\` but no \`items\``,
        locate([...path, 'scoring']),
        '`scoring` applies to checklist indicators; add `items` or remove `scoring`',
      );
    if (Array.isArray(items)) checkItems(name, path, items, scoring);
  }

  function checkItems(name: string, path: PathSegment[], items: unknown[], scoring: Json | undefined): void {
    const seen = new Map<string, number>();
    let bonus = 0;
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!isObj(it)) continue;
      const itemPath = [...path, 'items', i];
      const iid = str(it['id']);
      if (iid !== undefined) {
        const first = seen.get(iid);
        if (first !== undefined) {
          const a = locate([...path, 'items', first, 'id']);
          const b = locate([...itemPath, 'id']);
          add(
            'E102',
            `item id \`${iid}\` is used twice in ${name}, at lines ${a.line} and ${b.line}`,
            b,
            'item ids must be unique within an indicator; rename one of them',
          );
        } else seen.set(iid, i);
      }
      const kind = str(it['kind']) ?? 'normal';
      const label = `item \`${iid ?? i}\` of ${name}`;
      if (kind === 'bonus') bonus++;
      if (kind === 'veto') {
        if (it['points'] !== undefined)
          add(
            'E110',
            `${label} is a veto item with points`,
            locate([...itemPath, 'points']),
            'a failed veto item fails the unit whatever its points; remove `points` or make it a normal item',
          );
      } else if (it['points'] === undefined) {
        add(
          'E110',
          `${label} has no \`points\``,
          locate(itemPath),
          `add \`points:\` (the points for yes${scoring?.['mode'] === 'deduct' ? ', deducted for no' : ''})`,
        );
      } else if (typeof it['points'] === 'number' && it['points'] < 0) {
        add(
          'E110',
          `${label} has negative points (${it['points']})`,
          locate([...itemPath, 'points']),
          deductHint,
        );
      }
    }
    const mode = str(scoring?.['mode']) ?? 'sum';
    checkGroups(name, path, items, scoring);
    if (mode === 'deduct' && scoring?.['max'] === undefined && !Array.isArray(scoring?.['groups']))
      add(
        'E110',
        `${name} deducts points but has no \`scoring.max\` to start from`,
        locate([...path, 'scoring']),
        'add `max:` (the points of a unit that fails no item)',
      );
    if (bonus > 0 && scoring?.['max'] === undefined && !Array.isArray(scoring?.['groups']))
      add(
        'E110',
        `${name} has bonus items but no \`scoring.max\``,
        locate([...path, 'scoring']),
        'bonus items add points above the cap; set `scoring.max`, or make them normal items',
      );
    if (bonus === 0 && scoring?.['bonus_above'] !== undefined)
      add(
        'E110',
        `${name} sets \`bonus_above\` but has no bonus items`,
        locate([...path, 'scoring', 'bonus_above']),
        'mark items with `kind: bonus`, or remove `bonus_above`',
      );
  }

  /** `scoring.groups`: unique ids, every normal item in a known group, no group without items. */
  function checkGroups(name: string, path: PathSegment[], items: unknown[], scoring: Json | undefined): void {
    const groups = Array.isArray(scoring?.['groups']) ? (scoring['groups'] as unknown[]) : undefined;
    const ids = new Set<string>();
    groups?.forEach((g, k) => {
      const gid = isObj(g) ? str(g['id']) : undefined;
      if (gid === undefined) return;
      if (ids.has(gid))
        add(
          'E102',
          `group id \`${gid}\` is used twice in ${name}`,
          locate([...path, 'scoring', 'groups', k, 'id']),
          'group ids must be unique within an indicator; rename one of them',
        );
      ids.add(gid);
    });
    const used = new Set<string>();
    items.forEach((it, i) => {
      if (!isObj(it)) return;
      const g = str(it['group']);
      const kind = str(it['kind']) ?? 'normal';
      const label = `item \`${str(it['id']) ?? i}\` of ${name}`;
      if (g !== undefined) {
        used.add(g);
        if (!groups)
          add(
            'E110',
            `${label} names group \`${g}\` but ${name} has no \`scoring.groups\``,
            locate([...path, 'items', i, 'group']),
            'list the groups under `scoring.groups` ({id, points}), or remove `group`',
          );
        else if (!ids.has(g))
          add(
            'E110',
            `${label} names group \`${g}\`, which is not in \`scoring.groups\``,
            locate([...path, 'items', i, 'group']),
            `use one of: ${[...ids].join(', ')}`,
          );
        else if (kind !== 'normal')
          add(
            'E110',
            `${label} is a ${kind} item in group \`${g}\``,
            locate([...path, 'items', i, 'group']),
            'only normal items belong to groups; remove `group`',
          );
      } else if (groups && kind === 'normal')
        add(
          'E110',
          `${label} has no \`group\`, but ${name} scores by \`scoring.groups\``,
          locate([...path, 'items', i]),
          `add \`group:\` (one of: ${[...ids].join(', ')})`,
        );
    });
    groups?.forEach((g, k) => {
      const gid = isObj(g) ? str(g['id']) : undefined;
      if (gid !== undefined && !used.has(gid))
        add(
          'E110',
          `group \`${gid}\` of ${name} has no items`,
          locate([...path, 'scoring', 'groups', k]),
          'put items in the group with `group:`, or remove the group',
        );
    });
  }

  // ---- methodology defaults
  const mAgg = methodRef(meth['aggregate'], ['methodology', 'aggregate']);
  if (mAgg) checkAggregate(mAgg);
  const mNorm = methodRef(meth['normalise'], ['methodology', 'normalise']);
  if (mNorm) {
    const m = checkKey(mNorm, regs.normalisers, normKeys, 'normalisation');
    const heirs = indicators.filter((n) => n.value['normalise'] === undefined);
    if (m && heirs.length === 0) {
      for (const msg of resolveSafely(() => m.resolve(mNorm.params, { direction: 1 })))
        add('E108', `normalisation \`${mNorm.method}\`: ${msg}`, paramLoc(mNorm, msg), paramsHint(mNorm));
    } else if (m) {
      // The default is resolved once per indicator that inherits it (goalposts and targets are the
      // indicator's own). A message every heir gets is reported once, at the default.
      const byMsg = new Map<string, NodeInfo[]>();
      for (const h of heirs)
        for (const msg of resolveSafely(() => m.resolve(mNorm.params, normaliseInfo(h.value))))
          byMsg.set(msg, [...(byMsg.get(msg) ?? []), h]);
      for (const [msg, hs] of byMsg) {
        if (hs.length === heirs.length)
          add('E108', `normalisation \`${mNorm.method}\`: ${msg}`, paramLoc(mNorm, msg), paramsHint(mNorm));
        else
          for (const h of hs)
            add(
              'E108',
              `indicator \`${h.id ?? formatPath(h.path)}\` inherits normalisation \`${mNorm.method}\` from methodology: ${msg}`,
              locate([...h.path, 'id']),
              `give it its own \`normalise\`, or add what \`${mNorm.method}\` needs`,
            );
      }
    }
  }

  // ---- tiers
  const tiers = meth['tiers'];
  if (isObj(tiers)) {
    const tp: PathSegment[] = ['methodology', 'tiers'];
    const node = str(tiers['node']);
    if (node !== undefined && !ids.has(node)) {
      const near = closest(node, [...ids.keys()]);
      add(
        'E109',
        `tiers refer to node \`${node}\`, which is not in the tree`,
        locate([...tp, 'node']),
        near
          ? `did you mean \`${near}\`?`
          : 'use the id of a node of the tree, or omit `node` to tier the root',
      );
    }
    const levels = tiers['levels'];
    /** The level a tier message names (`level 'high'`), at its threshold when it has one. */
    const tierLoc = (lvs: unknown[], msg: string): Location => {
      const named = /level '([^']+)'/.exec(msg)?.[1];
      const i = lvs.findIndex((lv) => isObj(lv) && lv['id'] === named);
      const lv = lvs[i];
      if (!isObj(lv)) return locate([...tp, 'levels']);
      const key = tiers['by'] === 'quantiles' ? 'min_quantile' : 'min';
      const other = key === 'min' ? 'min_quantile' : 'min';
      if (lv[other] !== undefined && msg.includes(`'${other}'`))
        return locate([...tp, 'levels', i, other], 'key');
      return lv[key] !== undefined ? locate([...tp, 'levels', i, key]) : locate([...tp, 'levels', i]);
    };
    if (Array.isArray(levels)) {
      const seen = new Map<string, number>();
      levels.forEach((lv, i) => {
        const lid = isObj(lv) ? str(lv['id']) : undefined;
        if (lid === undefined) return;
        const first = seen.get(lid);
        if (first !== undefined) {
          const a = locate([...tp, 'levels', first, 'id']);
          const b = locate([...tp, 'levels', i, 'id']);
          add(
            'E102',
            `tier id \`${lid}\` is used twice, at lines ${a.line} and ${b.line}`,
            b,
            'rename one of the tiers',
          );
        } else seen.set(lid, i);
      });
      const ok =
        (tiers['by'] === 'thresholds' || tiers['by'] === 'quantiles') &&
        levels.every((lv) => isObj(lv) && typeof lv['id'] === 'string');
      if (ok) {
        const msgs = resolveSafely(() => ({ problems: regs.validateTiers(tiers as unknown as TierSpec) }));
        // Duplicate level ids are reported above as E102.
        for (const msg of msgs.filter((m) => !/used twice/.test(m)))
          add(
            'E107',
            `tiers: ${msg}`,
            tierLoc(levels, msg),
            tiers['by'] === 'quantiles'
              ? 'list tiers best first, each `min_quantile` below the one before'
              : 'list tiers best first, each `min` below the one before; the last tier needs no `min`',
          );
      }
    }
    if (isObj(tiers['veto']) && !hasVetoItem(indicators))
      add(
        'E110',
        '`tiers.veto` is set but no checklist item has `kind: veto`',
        locate([...tp, 'veto']),
        'mark the veto items with `kind: veto`, or remove `tiers.veto`',
      );
  }

  return out;
}

const deductHint = 'points are positive; `scoring.mode: deduct` subtracts them for items answered no';

function hasVetoItem(indicators: NodeInfo[]): boolean {
  return indicators.some((n) => {
    const items = n.value['items'];
    return Array.isArray(items) && items.some((it) => isObj(it) && it['kind'] === 'veto');
  });
}

function normaliseInfo(v: Json): NormaliseInfo {
  const info: NormaliseInfo = { direction: v['direction'] === 'lower' ? -1 : 1 };
  const gp = v['goalposts'];
  if (isObj(gp) && typeof gp['low'] === 'number' && typeof gp['high'] === 'number')
    info.goalposts = { low: gp['low'], high: gp['high'] };
  if (typeof v['target'] === 'number') info.target = v['target'];
  return info;
}

function paramsHint(ref: MethodRef): string {
  return `fix \`params\` of \`${ref.method}\`; docs/methods.md lists its parameters`;
}
