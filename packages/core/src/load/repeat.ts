/**
 * The repeat construct of the indicator-set language: an aggregate's `repeat` makes one child per item
 * of a list from a node template, with `{key}` placeholders filled from the item. Expanded by the set
 * loader before the schema is checked, so that every generated node is validated like a written one,
 * and every problem of a generated node is reported at the template's line and column.
 *
 * ```yaml
 * lists:
 *   life_events:
 *     - { id: le1, name: { en: Career, zh: 职业 } }
 *     - { id: le2, name: { en: Studying, zh: 学习 } }
 * tree:
 *   id: availability
 *   repeat:
 *     over: life_events          # a list of `lists`, or the items themselves
 *     node: { id: 'oa_{id}', name: { en: 'Online availability: {name}' } }
 * ```
 *
 * - Placeholders: `{key}` is the key of the item being made; `{as.key}` the item of an enclosing repeat
 *   whose `as` is `as` (repeats nest: a template may have its own `repeat`). A text that is exactly one
 *   placeholder takes the item's value as it is (a number stays a number, `{en, zh}` stays a mapping);
 *   inside longer text, a value given per language fills the text of the same language, and a plain
 *   text with such a value becomes text per language.
 * - The generated children follow the aggregate's written `children` (which may be left out). The
 *   aggregate keeps `repeated: {over, template, count}` so that reports can show the repeat compactly;
 *   `repeat` itself is gone from the expanded set.
 *
 * Problems: E120 `over` names no list of `lists`; E121 a placeholder names no key of the item (or no
 * enclosing repeat); E122 a malformed repeat (`over` not a list of mappings with an `id`, no `node`).
 */
import { type ErrorCode, type Location, type Problem, problem } from '../errors';
import type { PathSegment } from './yaml';

/** What the expansion gives: the expanded document, its problems, and where each part came from. */
export interface Expanded {
  value: unknown;
  problems: Problem[];
  /**
   * The path in the file of the value at `path` in the expanded document: a generated node's parts
   * map to the template's, everything else to itself.
   */
  sourcePath(path: readonly PathSegment[]): PathSegment[];
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/** An item being made, and the name it is known by (`as`). */
interface Scope {
  as: string | undefined;
  item: Json;
}

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\}/g;
const LANG_KEY = /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/;

/** True when the document has a repeat anywhere in its tree (cheap check before copying). */
function hasRepeat(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasRepeat);
  if (!isObj(v)) return false;
  if (Object.hasOwn(v, 'repeat')) return true;
  return Array.isArray(v['children']) && v['children'].some(hasRepeat);
}

/**
 * Expands every `repeat` of a parsed indicator set (see the module comment).
 *
 * @param doc the YAML document as plain values (not changed)
 * @param locate position of a path of the file, for problems
 * @returns the expanded document (the same object when there is nothing to expand), its problems, and
 *   the map from expanded paths to the file's paths
 * @example
 * expandRepeats({ lists: { l: [{ id: 'a' }, { id: 'b' }] }, tree: { id: 't', repeat: { over: 'l', node: { id: 'x_{id}' } } } }, locate)
 *   .value // tree.children = [{ id: 'x_a' }, { id: 'x_b' }]
 */
export function expandRepeats(doc: unknown, locate: (path: readonly PathSegment[]) => Location): Expanded {
  const identity: Expanded = { value: doc, problems: [], sourcePath: (p) => [...p] };
  if (!isObj(doc) || !hasRepeat(doc['tree'])) return identity;
  const problems: Problem[] = [];
  const origin = new WeakMap<object, PathSegment[]>();
  const lists = isObj(doc['lists']) ? doc['lists'] : {};
  const report = (code: ErrorCode, message: string, at: readonly PathSegment[], hint?: string) =>
    problems.push(problem(code, message, locate(at), hint));

  /** Fills the placeholders of one text; `lang` is the language key the text is under, if any. */
  const fill = (s: string, scopes: readonly Scope[], at: readonly PathSegment[], lang?: string): unknown => {
    const lookup = (name: string, key: string | undefined): { ok: true; v: unknown } | { ok: false } => {
      const scope =
        key === undefined ? scopes[scopes.length - 1] : [...scopes].reverse().find((x) => x.as === name);
      const k = key ?? name;
      if (!scope) {
        report(
          'E121',
          key === undefined
            ? `placeholder {${name}} is outside any repeat`
            : `placeholder {${name}.${key}}: no enclosing repeat has \`as: ${name}\``,
          at,
          `the names in scope are: ${scopes.map((x) => x.as ?? '(unnamed)').join(', ') || 'none'}`,
        );
        return { ok: false };
      }
      if (!Object.hasOwn(scope.item, k)) {
        report(
          'E121',
          `placeholder {${key === undefined ? name : `${name}.${key}`}} names no key of the item ${String(scope.item['id'])}`,
          at,
          `the item's keys are: ${Object.keys(scope.item).join(', ')}`,
        );
        return { ok: false };
      }
      return { ok: true, v: scope.item[k] };
    };
    const whole = /^\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?\}$/.exec(s);
    if (whole) {
      const r = lookup(whole[1]!, whole[2]);
      if (!r.ok) return s;
      if (isObj(r.v) && lang !== undefined) return textIn(r.v, lang);
      return r.v;
    }
    const values: unknown[] = [];
    for (const m of s.matchAll(PLACEHOLDER)) {
      const r = lookup(m[1]!, m[2]);
      values.push(r.ok ? r.v : m[0]);
    }
    if (values.length === 0) return s;
    const perLang = values.filter(isObj);
    const render = (l: string | undefined) => {
      let k = 0;
      return s.replace(PLACEHOLDER, () => {
        const v = values[k++];
        return isObj(v) ? textIn(v, l) : String(v);
      });
    };
    if (lang !== undefined || perLang.length === 0) return render(lang);
    // plain text filled with text per language: text per language
    const langs = [...new Set(perLang.flatMap((v) => Object.keys(v)))];
    return Object.fromEntries(langs.map((l) => [l, render(l)]));
  };

  /**
   * A copy of a part of the document: of a template, inside a repeat (`scopes`), with its placeholders
   * filled; of a written part (no scope) as it is. Origins point at where the part is written.
   */
  const instantiate = (v: unknown, src: PathSegment[], scopes: readonly Scope[], lang?: string): unknown => {
    if (typeof v === 'string') return scopes.length ? fill(v, scopes, src, lang) : v;
    if (Array.isArray(v)) {
      const out = v.map((x, i) => instantiate(x, [...src, i], scopes));
      origin.set(out, src);
      return out;
    }
    if (!isObj(v)) return v;
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'repeat' || k === 'children') continue;
      const inLang = LANG_KEY.test(k) && typeof x === 'string' ? k : undefined;
      Object.defineProperty(out, k, {
        value: instantiate(x, [...src, k], scopes, inLang),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    expandNode(v, out, src, scopes);
    origin.set(out, src);
    return out;
  };

  /** Children of a node (written ones copied, then the repeat's), and its `repeated` record. */
  const expandNode = (node: Json, out: Json, src: PathSegment[], scopes: readonly Scope[]): void => {
    const kids: unknown[] = [];
    const written = node['children'];
    if (Array.isArray(written)) {
      written.forEach((c, i) => {
        kids.push(instantiate(c, [...src, 'children', i], scopes));
      });
    } else if (written !== undefined) out['children'] = instantiate(written, [...src, 'children'], scopes);
    const rep = node['repeat'];
    if (rep === undefined) {
      if (Array.isArray(written)) {
        origin.set(kids, [...src, 'children']);
        out['children'] = kids;
      }
      return;
    }
    const at = [...src, 'repeat'];
    const made = repeatItems(rep, at);
    if (made) {
      made.items.forEach((item) => {
        const inner = [...scopes, { as: made.as, item }];
        kids.push(instantiate(made.node, [...at, 'node'], inner));
      });
      out['repeated'] = {
        over: made.over,
        template: typeof made.node['id'] === 'string' ? made.node['id'] : '',
        count: made.items.length,
      };
    }
    origin.set(kids, Array.isArray(written) ? [...src, 'children'] : at);
    out['children'] = kids;
  };

  /** Checks a repeat and gives its items, template and names; undefined after a problem. */
  const repeatItems = (
    rep: unknown,
    at: PathSegment[],
  ): { items: Json[]; node: Json; as: string | undefined; over: string } | undefined => {
    if (!isObj(rep)) {
      report(
        'E122',
        '`repeat` must be a mapping with `over` and `node`',
        at,
        'write repeat: {over: list, node: {id: ...}}',
      );
      return undefined;
    }
    const known = ['over', 'as', 'node'];
    for (const k of Object.keys(rep))
      if (!known.includes(k))
        report('E122', `unknown key \`${k}\` in repeat`, [...at, k], `known keys: ${known.join(', ')}`);
    const over = rep['over'];
    let items: unknown;
    let overName: string;
    if (typeof over === 'string') {
      overName = over;
      if (!Object.hasOwn(lists, over)) {
        report(
          'E120',
          `repeat over \`${over}\`: no list of that name in \`lists\``,
          [...at, 'over'],
          Object.keys(lists).length
            ? `the lists are: ${Object.keys(lists).join(', ')}`
            : 'add the list under `lists:` at the top level',
        );
        return undefined;
      }
      items = lists[over];
    } else {
      overName = typeof rep['as'] === 'string' ? rep['as'] : 'items';
      items = over;
    }
    const listAt = typeof over === 'string' ? ['lists', over] : [...at, 'over'];
    if (
      !Array.isArray(items) ||
      items.length === 0 ||
      !items.every((x) => isObj(x) && typeof x['id'] === 'string')
    ) {
      report(
        'E122',
        '`repeat.over` must be a list (or the name of one in `lists`) of mappings, each with an `id`',
        listAt,
        'write the items as `- {id: le1, name: Career}`',
      );
      return undefined;
    }
    const node = rep['node'];
    if (!isObj(node)) {
      report(
        'E122',
        '`repeat` has no `node`: the template of the nodes it makes',
        at,
        'add node: {id: "x_{id}", ...}',
      );
      return undefined;
    }
    const as = rep['as'];
    if (as !== undefined && (typeof as !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(as))) {
      report('E122', '`repeat.as` must be a name (letters, digits, `_`)', [...at, 'as']);
      return undefined;
    }
    return { items: items as Json[], node, as: as as string | undefined, over: overName };
  };

  const value: Json = { ...doc, tree: instantiate(doc['tree'], ['tree'], []) };
  origin.set(value, []);
  return {
    value,
    problems,
    sourcePath(path) {
      let cur: unknown = value;
      let base: PathSegment[] = [];
      let rest: PathSegment[] = [];
      for (const seg of path) {
        const next =
          Array.isArray(cur) && typeof seg === 'number'
            ? cur[seg]
            : isObj(cur)
              ? cur[seg as string]
              : undefined;
        rest.push(seg);
        cur = next;
        if (cur !== null && typeof cur === 'object') {
          const o = origin.get(cur);
          if (o) {
            base = o;
            rest = [];
          }
        }
      }
      return [...base, ...rest];
    },
  };
}

/** Text of a per-language value in one language (else its first). */
function textIn(v: Json, lang: string | undefined): string {
  if (lang !== undefined && typeof v[lang] === 'string') return v[lang] as string;
  const first = Object.values(v).find((x) => typeof x === 'string');
  return typeof first === 'string' ? first : '';
}
