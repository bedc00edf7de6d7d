/**
 * The indicator-set loader: YAML text → validated `IndicatorSet`, or every problem of the file at
 * once, each with file, line, column, node path (`tree.children[1].weight`), node id, message, hint
 * and a stable code (E100–E112, see `docs/errors.md`).
 *
 * Three passes, each reporting all it finds:
 * 1. YAML (`./yaml`): syntax (E100), size, nesting and alias limits (E111), empty file.
 * 2. Shape: ajv (allErrors) against the TypeBox schema `IndicatorSet` (E101). Unions are validated
 *    as the branch the data means — a tree node with `children` as an aggregate, one without as an
 *    indicator; text as text, a mapping as a mapping — so each mistake gives one message.
 * 3. Meaning (`./semantic`): ids, methods and their parameters, weights, tiers, checklists (E102–E112).
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { GovscoreError, type Location, type Problem, problem } from '../errors';
import { IndicatorSet } from '../schema/indicator-set';
import { aggregators } from '../steps/aggregate';
import { normalisers } from '../steps/normalise';
import { validateTiers } from '../steps/tier';
import { checkMapping } from './mapping';
import { expandRepeats } from './repeat';
import { checkSemantics, closest, nodeIdAt, type Registries } from './semantic';
import { formatPath, type PathSegment, parseYaml, type YamlWork } from './yaml';

/** A parsed indicator set and everything wrong with it. */
export interface LoadedSet {
  /**
   * The set as written (no defaults filled in). Only trustworthy when `problems` holds no error;
   * after errors it is whatever could be read (possibly `{}`).
   */
  set: IndicatorSet;
  /** Errors and warnings, sorted by line and column. */
  problems: Problem[];
  /** What reading the YAML cost, as counts (characters read, nodes composed, values walked). */
  work: YamlWork;
}

const registries: Registries = { normalisers, aggregators, validateTiers };

/**
 * Parses and validates an indicator set. Pure (no fs) and never throws for bad input: every problem
 * of the file is returned, sorted by position.
 *
 * @param text YAML source of one indicator set.
 * @param file File name, only used in problems (`file` field and formatted messages).
 * @returns `{ set, problems }`; `set` is meaningful only when no problem has severity `error`.
 * @example
 * const { set, problems } = parseIndicatorSet(
 *   'id: demo\ntitle: Demo\ntree:\n  id: index\n  children:\n    - id: a\n    - id: b\n',
 *   'demo.yaml',
 * );
 * problems; // []
 * set.tree; // { id: 'index', children: [{ id: 'a' }, { id: 'b' }] }
 */
export function parseIndicatorSet(text: string, file?: string): LoadedSet {
  return parseWith(text, file, registries);
}

/**
 * Parses and validates an indicator set; throws if anything is wrong.
 *
 * @param text YAML source of one indicator set.
 * @param file File name, only used in messages.
 * @returns The validated set, as written (defaults are filled in later, by the plan).
 * @throws GovscoreError holding every problem (codes E100–E112) when at least one is an error.
 * @example
 * const set = loadIndicatorSet(readFileSync('indicators/x.yaml', 'utf8'), 'indicators/x.yaml');
 */
export function loadIndicatorSet(text: string, file?: string): IndicatorSet {
  const { set, problems } = parseIndicatorSet(text, file);
  if (problems.some((p) => p.severity === 'error')) throw new GovscoreError(problems);
  return set;
}

/** @internal `parseIndicatorSet` with the method registries given (tests). */
export function parseWith(text: string, file: string | undefined, regs: Registries): LoadedSet {
  const yaml = parseYaml(text, file);
  const problems = [...yaml.problems];
  const written = yaml.value;
  const locateIn =
    (doc: unknown, source: (p: readonly PathSegment[]) => readonly PathSegment[]) =>
    (path: readonly PathSegment[], at: 'value' | 'key' = 'value'): Location => {
      const { line, col } = yaml.position(source(path), at);
      const loc: Location = { line, col };
      if (file !== undefined) loc.file = file;
      if (path.length > 0) loc.path = formatPath(path);
      const node = nodeIdAt(doc, path);
      if (node !== undefined) loc.node = node;
      return loc;
    };
  // repeats are expanded first, so that generated nodes are checked like written ones, at the
  // template's position
  const expanded = yaml.usable
    ? expandRepeats(
        written,
        locateIn(written, (p) => p),
      )
    : undefined;
  problems.push(...(expanded?.problems ?? []));
  const value = expanded ? expanded.value : written;
  const locate = locateIn(value, expanded ? expanded.sourcePath : (p) => p);

  if (yaml.usable && value !== undefined) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(
        problem(
          'E101',
          `the top level is ${describe(value)}; an indicator set is a mapping`,
          locate([]),
          'write `key: value` lines at the top level: id, title, tree, …',
        ),
      );
    } else {
      problems.push(...schemaProblems(value as Json, locate));
      problems.push(...checkSemantics(value, locate, regs));
      problems.push(...checkMapping((value as Json)['data'], locate));
    }
  }

  return {
    set: (value !== null && typeof value === 'object' ? value : {}) as IndicatorSet,
    problems: sortProblems(problems),
    work: yaml.work,
  };
}

function sortProblems(ps: Problem[]): Problem[] {
  return ps
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.line ?? Number.MAX_SAFE_INTEGER) - (b.p.line ?? Number.MAX_SAFE_INTEGER) ||
        (a.p.col ?? 0) - (b.p.col ?? 0) ||
        a.i - b.i,
    )
    .map((x) => x.p);
}

// ---------------------------------------------------------------------------------------------
// Schema validation

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (validator === undefined) {
    const ajv = new Ajv({
      allErrors: true,
      verbose: true,
      strict: true,
      strictTypes: false,
      strictRequired: false,
      allowUnionTypes: true,
      logger: false,
    });
    validator = ajv.compile(discriminate(JSON.parse(JSON.stringify(IndicatorSet))) as Json);
  }
  return validator;
}

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * @internal Rewrites `anyOf` unions into equivalent schemas that make ajv report the errors of the
 * branch the data means, instead of every branch's:
 * - a union of constants becomes `enum` (one error listing the allowed values);
 * - branches told apart by `type`, or (two objects) by a key one requires and the other does not
 *   have, become an `if`/`then`/`else` chain ending in a type error naming every accepted type.
 * A union that cannot be told apart is left as it is.
 */
export function discriminate(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(discriminate);
  if (!isObj(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    out[k] = k === 'properties' || k === 'patternProperties' ? mapValues(v, discriminate) : discriminate(v);
  }
  const anyOf = out['anyOf'];
  if (!Array.isArray(anyOf) || !anyOf.every(isObj)) return out;
  const branches = anyOf as Json[];
  const { anyOf: _drop, ...rest } = out;

  if (branches.every((b) => 'const' in b)) return { ...rest, enum: branches.map((b) => b['const']) };

  const conds: Json[] = [];
  for (const b of branches) {
    const type = b['type'];
    if (typeof type !== 'string') return out;
    const sameType = branches.filter((o) => o['type'] === type);
    if (sameType.length === 1) {
      conds.push({ type });
      continue;
    }
    if (type !== 'object' || sameType.length !== 2) return out;
    const other = sameType.find((o) => o !== b)!;
    const req = (b['required'] as string[] | undefined) ?? [];
    const otherProps = isObj(other['properties']) ? other['properties'] : {};
    const key = req.find((r) => !(r in otherProps));
    if (key !== undefined) conds.push({ type: 'object', required: [key] });
    else {
      const otherReq = (other['required'] as string[] | undefined) ?? [];
      const props = isObj(b['properties']) ? b['properties'] : {};
      if (!otherReq.some((r) => !(r in props))) return out;
      conds.push({ type: 'object' }); // the other branch is tested first
    }
  }
  // Branches with a key condition first, so that a plain `{type: object}` comes last.
  const order = branches.map((_, i) => i).sort((a, b) => keyed(conds[b]!) - keyed(conds[a]!));
  const types = [...new Set(branches.map((b) => b['type'] as string))];
  let chain: Json = { type: types.length === 1 ? types[0] : types };
  for (let j = order.length - 1; j >= 0; j--) {
    const i = order[j]!;
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then/else keywords
    chain = { if: conds[i], then: branches[i], else: chain };
  }
  return { ...rest, ...chain };
}

const keyed = (c: Json) => ('required' in c ? 1 : 0);

function mapValues(v: unknown, f: (x: unknown) => unknown): unknown {
  if (!isObj(v)) return v;
  const o: Json = {};
  for (const [k, x] of Object.entries(v)) o[k] = f(x);
  return o;
}

/** Splits an ajv instance path (JSON pointer) into segments, with list indices as numbers. */
function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(seg)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = isObj(cur) ? cur[seg] : undefined;
    }
  }
  return out;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty',
};

/** How a value reads in a message: `the text "abc"`, `the number 3`, `a list`. */
export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === 'number') return Number.isNaN(v) ? 'not a number (.nan)' : `the number ${v}`;
  if (typeof v === 'boolean') return `${v}`;
  if (Array.isArray(v)) return 'a list';
  return 'a mapping';
}

const aggregateOnly = ['children', 'aggregate', 'coverage', 'rescale', 'repeat', 'repeated'];

/** Most schema problems listed for one file (each costs a position lookup and a suggestion). */
const MAX_SCHEMA_PROBLEMS = 500;

function schemaProblems(
  value: Json,
  locate: (path: readonly PathSegment[], at?: 'value' | 'key') => Location,
): Problem[] {
  const validate = getValidator();
  if (validate(value)) return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if') continue;
    const path = pointerToPath(e.instancePath, value);
    if (out.length >= MAX_SCHEMA_PROBLEMS) {
      // a file this wrong is the wrong file; listing (and explaining) every mistake would take long
      out.push(
        problem(
          'E101',
          `more than ${MAX_SCHEMA_PROBLEMS} mistakes; the rest are not listed`,
          locate(path),
          'fix the mistakes listed first, or check that this is an indicator set',
        ),
      );
      break;
    }
    const p = schemaProblem(e, path, value, locate);
    if (!p) continue;
    const key = `${p.path}|${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** What owns a path, for messages: `indicator \`a\``, `aggregate \`b\``, `tree.children[2]`, `the set`. */
function owner(path: readonly PathSegment[], root: Json): string {
  if (path.length === 0) return 'the indicator set';
  const v = get(root, path);
  if (isTreeNodePath(path) && isObj(v)) {
    const kind = 'children' in v ? 'aggregate' : 'indicator';
    return typeof v['id'] === 'string' ? `${kind} \`${v['id']}\`` : `${kind} at ${formatPath(path)}`;
  }
  return `\`${formatPath(path)}\``;
}

function isTreeNodePath(path: readonly PathSegment[]): boolean {
  if (path[0] !== 'tree' || path.length % 2 !== 1) return false;
  for (let i = 1; i < path.length; i += 2) {
    if (path[i] !== 'children' || typeof path[i + 1] !== 'number') return false;
  }
  return true;
}

function get(root: unknown, path: readonly PathSegment[]): unknown {
  let cur = root;
  for (const s of path) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isObj(cur) && typeof s === 'string' && Object.hasOwn(cur, s)) cur = cur[s];
    else return undefined;
  }
  return cur;
}

function schemaProblem(
  e: ErrorObject,
  path: PathSegment[],
  root: Json,
  locate: (path: readonly PathSegment[], at?: 'value' | 'key') => Location,
): Problem | undefined {
  const last = path[path.length - 1];
  const name =
    last === undefined
      ? 'the indicator set'
      : typeof last === 'number'
        ? `\`${formatPath(path.slice(-2))}\``
        : `\`${last}\``;
  const data = e.data;
  const parent = isObj(e.parentSchema) ? e.parentSchema : {};
  const desc = typeof parent['description'] === 'string' ? parent['description'] : undefined;
  const params = e.params as Record<string, unknown>;

  switch (e.keyword) {
    case 'required': {
      const key = String(params['missingProperty']);
      const props = isObj(parent['properties']) ? parent['properties'] : {};
      const keyDesc = isObj(props[key]) ? (props[key] as Json)['description'] : undefined;
      return problem(
        'E101',
        `${owner(path, root)} has no \`${key}\`, which is required`,
        locate(path),
        `add \`${key}:\`${typeof keyDesc === 'string' ? ` — ${keyDesc}` : ''}`,
      );
    }
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      const keyPath = [...path, key];
      const props = isObj(parent['properties']) ? Object.keys(parent['properties']) : [];
      if (props.length === 0 && isObj(parent['patternProperties'])) {
        // LangText: keys are language codes.
        return problem(
          'E101',
          `\`${key}\` is not a language code`,
          locate(keyPath, 'key'),
          'use lowercase ISO 639 codes such as `zh`, `en` or `zh-hant`',
        );
      }
      const tree = isTreeNodePath(path);
      if (tree && props.includes('unit') && aggregateOnly.includes(key)) {
        return problem(
          'E101',
          `\`${key}\` is not allowed on ${owner(path, root)}: it applies only to nodes with \`children\``,
          locate(keyPath, 'key'),
          'remove it, or give the node `children` to make it an aggregate',
        );
      }
      if (tree && props.includes('children')) {
        return problem(
          'E101',
          `\`${key}\` is not allowed on ${owner(path, root)}: ${
            key === 'unit' || key === 'direction' || key === 'type' || key === 'items' || key === 'goalposts'
              ? 'it applies only to indicators (nodes without `children`)'
              : 'unknown key'
          }`,
          locate(keyPath, 'key'),
          suggestKey(key, props),
        );
      }
      return problem(
        'E101',
        `unknown key \`${key}\` in ${owner(path, root)}`,
        locate(keyPath, 'key'),
        suggestKey(key, props),
      );
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map(String);
      const near = typeof data === 'string' ? closest(data, allowed) : undefined;
      return problem(
        'E101',
        `${name} is ${describe(data)}, which is not one of: ${allowed.join(', ')}`,
        locate(path),
        near ? `did you mean \`${near}\`?` : `use one of: ${allowed.join(', ')}`,
      );
    }
    case 'const':
      return problem(
        'E101',
        `${name} is ${describe(data)}; it must be ${JSON.stringify(params['allowedValue'])}`,
        locate(path),
        desc ? `${desc}` : undefined,
      );
    case 'type': {
      const t = params['type'];
      const types = (Array.isArray(t) ? t : [t]).map((x) => typeNames[String(x)] ?? String(x));
      const lang = types.includes('text') && types.some((x) => x.startsWith('a mapping'));
      const expected = lang ? 'text or a mapping of language codes to text' : types.join(' or ');
      return problem(
        'E101',
        `${name} is ${describe(data)}; it must be ${expected}`,
        locate(path),
        typeHint(types, data, desc),
      );
    }
    case 'pattern': {
      const isId = String(params['pattern']).startsWith('^[A-Za-z_]');
      return problem(
        'E101',
        isId
          ? `${JSON.stringify(data)} is not a valid id`
          : `${name} is ${describe(data)}, which does not match ${params['pattern']}`,
        locate(path),
        isId
          ? 'ids use letters, digits, `_` and `-`, and start with a letter or `_` (e.g. `online_service`)'
          : desc,
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const lim = params['limit'];
      const word = {
        minimum: 'at least',
        maximum: 'at most',
        exclusiveMinimum: 'more than',
        exclusiveMaximum: 'less than',
      }[e.keyword];
      return problem(
        'E101',
        `${name} is ${String(data)}; it must be ${word} ${lim}`,
        locate(path),
        desc ?? `use a value ${word} ${lim}`,
      );
    }
    case 'minItems':
      return problem(
        'E101',
        `${name} is an empty list; it needs at least ${params['limit']} item${params['limit'] === 1 ? '' : 's'}`,
        locate(path),
        desc ?? 'add an item or remove the key',
      );
    case 'minProperties':
      return problem(
        'E101',
        `${name} is an empty mapping`,
        locate(path),
        desc ?? 'add a key or remove the mapping',
      );
    case 'minLength':
    case 'maxLength':
      return problem(
        'E101',
        `${name} is ${describe(data)}, ${e.keyword === 'minLength' ? 'shorter' : 'longer'} than ${params['limit']} characters`,
        locate(path),
        desc,
      );
    case 'anyOf':
      return problem(
        'E101',
        `${name} is ${describe(data)}, which is not an accepted form`,
        locate(path),
        desc,
      );
    default:
      return problem('E101', `${name} ${e.message ?? 'is invalid'}`, locate(path), desc);
  }
}

function suggestKey(key: string, known: string[]): string {
  const near = closest(key, known);
  const list = `known keys: ${known.join(', ')}`;
  return near ? `did you mean \`${near}\`? (${list})` : list;
}

function typeHint(types: string[], data: unknown, desc: string | undefined): string | undefined {
  if ((types.includes('a number') || types.includes('a whole number')) && typeof data === 'string')
    return 'write the number without quotes or units, e.g. `0.5`';
  if (types.includes('text') && typeof data !== 'string' && data !== null && typeof data !== 'object')
    return 'quote the value, e.g. "2024"';
  return desc;
}
