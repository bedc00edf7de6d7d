/**
 * YAML with positions: parses one YAML document into plain JS values and keeps the document's node
 * tree so that any JSON path (`['tree', 'children', 1, 'weight']`) can be mapped back to a 1-based
 * line and column. Refuses alias bombs and deeply nested documents (E111) before they cost time or
 * stack, and reports every YAML error of the file (E100) with its position.
 *
 * Built on the `yaml` package (v2): `Lexer` for a cheap nesting pre-check, `parseAllDocuments` with a
 * `LineCounter` for the document, `toJS({ maxAliasCount })` for the values. `yaml` v2 builds plain
 * objects and defines a `__proto__` key as an own property, so no key can pollute `Object.prototype`.
 */
import {
  CST,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';
import { type ErrorCode, type Location, type Problem, problem } from '../errors';

/** One step of a path into a YAML document: a mapping key or a list index. */
export type PathSegment = string | number;

/** Limits applied while parsing; the defaults suit indicator sets. */
export interface YamlLimits {
  /** Most nested mappings and lists (default 64). */
  maxDepth?: number;
  /** Most nodes an alias may expand to, as `yaml`'s `maxAliasCount` (default 100). */
  maxAliasCount?: number;
  /** Largest accepted text in characters (default 1 000 000: 30 times the largest real set). */
  maxLength?: number;
}

/**
 * What reading a file cost, as counts: a limit that refuses a hostile file refuses it before the
 * work it guards against (tests assert these instead of wall-clock times).
 */
export interface YamlWork {
  /**
   * Characters read before the outcome was decided: 0 when the length limit refused the text, up to
   * the refusing bracket when flow nesting did, else the whole text.
   */
  chars: number;
  /** YAML nodes composed (scalars, mappings, lists and aliases, keys included); 0 when refused before composing. */
  nodes: number;
  /** Alias nodes among them (`*name`). */
  aliases: number;
  /**
   * Values of the plain-JS result visited by the depth check, an aliased value once per alias (as
   * any consumer walking the value sees it); 0 when the value was never built.
   */
  values: number;
}

/** A parsed YAML file. */
export interface YamlFile {
  /** The document as plain JS values; `undefined` when the file holds nothing usable. */
  value: unknown;
  /** YAML problems (E100 syntax, E111 limits, E101 empty file). */
  problems: Problem[];
  /**
   * True when `value` is the complete document (it may still hold duplicate keys, reported in
   * `problems`); false after a syntax error or a refused limit, when `value` is absent or partial.
   */
  usable: boolean;
  /** What the parse cost (see {@link YamlWork}). */
  work: YamlWork;
  /**
   * 1-based line and column of the value at `path` (or of its key, with `at: 'key'`). When the path
   * does not exist in full, the position of its deepest existing ancestor.
   */
  position(path: readonly PathSegment[], at?: 'value' | 'key'): { line: number; col: number };
}

const DEFAULT_DEPTH = 64;
const DEFAULT_ALIASES = 100;
const DEFAULT_LENGTH = 1_000_000;

/**
 * Formats a path as written in messages: `tree.children[1].weight`; keys that are not plain words are
 * quoted (`levels["very good"]`).
 *
 * @example formatPath(['tree', 'children', 1, 'weight']) // 'tree.children[1].weight'
 */
export function formatPath(path: readonly PathSegment[]): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(seg)) s += s === '' ? seg : `.${seg}`;
    else s += `[${JSON.stringify(seg)}]`;
  }
  return s;
}

/**
 * Parses YAML text into plain values with positions. Never throws for bad input.
 *
 * Checks, in order: text length (E111), flow nesting with a lexer pass that stops at the first
 * bracket deeper than `maxDepth` (E111, linear time), YAML syntax of every document (E100, all errors),
 * more than one document (E100), an empty file (E101), alias expansion beyond `maxAliasCount` or
 * unresolved aliases (E111 / E100), nesting of the resulting value beyond `maxDepth` (E111).
 *
 * @param text YAML source.
 * @param file File name, only used in problems.
 * @param limits Optional limits (see {@link YamlLimits}).
 * @returns The value, the problems, and a position lookup.
 * @example
 * const y = parseYaml('a:\n  b: [1, 2]\n');
 * y.value;                       // { a: { b: [1, 2] } }
 * y.position(['a', 'b', 1]);     // { line: 2, col: 10 }
 */
export function parseYaml(text: string, file?: string, limits: YamlLimits = {}): YamlFile {
  const maxDepth = limits.maxDepth ?? DEFAULT_DEPTH;
  const maxAliasCount = limits.maxAliasCount ?? DEFAULT_ALIASES;
  const maxLength = limits.maxLength ?? DEFAULT_LENGTH;
  const lc = new LineCounter();
  const problems: Problem[] = [];
  const where = (offset: number, path?: readonly PathSegment[]): Location => {
    const { line, col } = lc.linePos(Math.max(0, Math.min(offset, text.length)));
    const loc: Location = { line, col };
    if (file !== undefined) loc.file = file;
    if (path !== undefined && path.length > 0) loc.path = formatPath(path);
    return loc;
  };
  const add = (code: ErrorCode, message: string, loc: Location, hint?: string) =>
    problems.push(problem(code, message, loc, hint));
  const startOnly: YamlFile['position'] = () => ({ line: 1, col: 1 });
  const work: YamlWork = { chars: 0, nodes: 0, aliases: 0, values: 0 };

  if (text.length > maxLength) {
    add(
      'E111',
      `the file has ${text.length} characters, more than the limit of ${maxLength}`,
      file === undefined ? { line: 1, col: 1 } : { file, line: 1, col: 1 },
      'an indicator set is a few hundred lines; check that this is the right file',
    );
    return { value: undefined, problems, usable: false, work, position: startOnly };
  }

  // Cheap pre-pass: flow collections ([...] and {...}) can nest thousands deep in a few bytes and
  // would exhaust the composer's stack. Block nesting needs indentation, so text length bounds it.
  const flow = flowDepthExceeded(text, maxDepth);
  work.chars = flow.read;
  const flowTooDeep = flow.at;
  if (flowTooDeep !== undefined) {
    // LineCounter is filled by the parser; count lines by hand here.
    const before = text.slice(0, flowTooDeep);
    const line = before.split('\n').length;
    const col = flowTooDeep - before.lastIndexOf('\n');
    const loc: Location = { line, col };
    if (file !== undefined) loc.file = file;
    add(
      'E111',
      `the document nests lists and mappings more than ${maxDepth} levels deep`,
      loc,
      `an indicator set needs far fewer levels; flatten the structure (limit ${maxDepth})`,
    );
    return { value: undefined, problems, usable: false, work, position: startOnly };
  }

  work.chars = text.length;
  const docs = parseAllDocuments(text, {
    lineCounter: lc,
    prettyErrors: false,
    // Duplicate keys are found below in linear time: `yaml`'s own check compares every key of a
    // mapping with every other (a 1 MB file of 100 000 keys would take minutes).
    uniqueKeys: false,
    strict: true,
    logLevel: 'silent',
    // No `merge` (`<<`) keys: a `<<` key is reported as an unknown key by the schema.
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list[0];
  let usable = true;

  for (const d of list) {
    let errors = [...d.errors, ...d.warnings];
    // A tab used as indentation throws the rest of the block off; its follow-on errors are noise.
    if (errors.some((e) => e.code === 'TAB_AS_INDENT'))
      errors = errors.filter((e) => e.code === 'TAB_AS_INDENT');
    for (const e of errors) {
      const msg = e.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
      const offset = e.pos[0];
      if (e.code === 'RESOURCE_EXHAUSTION') {
        add(
          'E111',
          /call stack/i.test(msg)
            ? `the document nests lists and mappings too deeply to read (more than ${maxDepth} levels)`
            : msg,
          where(offset),
          `flatten the structure (limit ${maxDepth} levels)`,
        );
        usable = false;
      } else if (e.code === 'DUPLICATE_KEY') {
        add(
          'E100',
          duplicateKeyMessage(d, lc, offset),
          where(offset),
          'each key may appear once in a mapping',
        );
      } else if (e.code === 'TAB_AS_INDENT') {
        add('E100', 'a tab is used for indentation', where(offset), 'indent with spaces; YAML forbids tabs');
        usable = false;
      } else {
        add('E100', msg.charAt(0).toLowerCase() + msg.slice(1), where(offset), yamlHint(e.code));
        usable = false;
      }
    }
  }
  for (const d of list)
    for (const dup of duplicateKeys(d.contents, lc, work))
      add('E100', dup.message, where(dup.offset), 'each key may appear once in a mapping');
  if (list.length > 1) {
    const second = list[1]!;
    add(
      'E100',
      `the file holds ${list.length} YAML documents; an indicator set is exactly one`,
      where(documentStart(text, second.range[0])),
      'remove the `---` line(s); put each indicator set in its own file',
    );
  }

  const position: YamlFile['position'] = (path, at = 'value') => {
    if (doc === undefined) return { line: 1, col: 1 };
    const offset = offsetOf(doc, path, at);
    return lc.linePos(Math.max(0, Math.min(offset, text.length)));
  };

  if (doc === undefined || doc.contents === null || isEmptyScalar(doc.contents)) {
    add('E101', 'the file is empty', where(0), 'an indicator set needs at least `id`, `title` and `tree`');
    return { value: undefined, problems, usable: false, work, position };
  }

  const complexKey = usable ? firstComplexKey(doc.contents) : undefined;
  if (complexKey !== undefined) {
    add(
      'E100',
      `a ${isSeq(complexKey) ? 'list' : 'mapping'} is used as a key`,
      where(nodeStart(complexKey) ?? 0),
      'keys are plain words; check the indentation and for a stray `?`, `[` or `{`',
    );
    usable = false;
  }
  if (!usable) return { value: undefined, problems, usable, work, position };

  // Aliases: refuse unresolved ones with their position and bound the expansion.
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (err) {
    const first = firstAlias(doc.contents);
    const offset = first?.range?.[0] ?? 0;
    const msg = err instanceof Error ? err.message : String(err);
    if (/alias count/i.test(msg)) {
      add(
        'E111',
        `aliases expand to too many nodes (more than ${maxAliasCount} per alias)`,
        where(offset),
        'write the repeated parts out or use fewer nested aliases',
      );
    } else {
      add(
        'E100',
        msg.charAt(0).toLowerCase() + msg.slice(1),
        where(offset),
        'define each `&anchor` before its `*alias`',
      );
    }
    return { value: undefined, problems, usable: false, work, position };
  }

  const deep = tooDeep(value, maxDepth, work);
  if (deep !== undefined) {
    const pos = position(deep);
    const loc: Location = { line: pos.line, col: pos.col, path: formatPath(deep) };
    if (file !== undefined) loc.file = file;
    add(
      'E111',
      `the document nests lists and mappings more than ${maxDepth} levels deep`,
      loc,
      `flatten the structure (limit ${maxDepth})`,
    );
    return { value: undefined, problems, usable: false, work, position };
  }

  return { value, problems, usable, work, position };
}

/**
 * Offset of the first flow bracket nested deeper than `max` (`at`, undefined when none) and how many
 * characters the check read (`read`). Linear, stops early.
 */
function flowDepthExceeded(text: string, max: number): { at?: number; read: number } {
  // Fewer brackets than the limit cannot nest beyond it: skip the lexer pass.
  let brackets = 0;
  let i = 0;
  for (; i < text.length && brackets <= max; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) brackets++; // [ {
  }
  if (brackets <= max) return { read: i };
  let depth = 0;
  let offset = 0;
  for (const tok of new Lexer().lex(text)) {
    const type = CST.tokenType(tok);
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      depth++;
      if (depth > max) return { at: offset, read: Math.max(i, offset + tok.length) };
    } else if (type === 'flow-seq-end' || type === 'flow-map-end') {
      if (depth > 0) depth--;
    }
    // Control tokens (document, flow error end, scalar markers) are not part of the source.
    if (tok !== CST.DOCUMENT && tok !== CST.FLOW_END && tok !== CST.SCALAR) offset += tok.length;
  }
  return { read: text.length };
}

/**
 * Path to a value nested deeper than `max` lists/mappings, or undefined. Bounded recursion. Counts the
 * values it visits in `work.values`.
 */
function tooDeep(value: unknown, max: number, work: YamlWork): PathSegment[] | undefined {
  const walk = (v: unknown, depth: number, path: PathSegment[]): PathSegment[] | undefined => {
    work.values++;
    if (v === null || typeof v !== 'object') return undefined;
    if (depth > max) return path;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const r = walk(v[i], depth + 1, [...path, i]);
        if (r) return r;
      }
    } else {
      for (const k of Object.keys(v)) {
        const r = walk((v as Record<string, unknown>)[k], depth + 1, [...path, k]);
        if (r) return r;
      }
    }
    return undefined;
  };
  return walk(value, 1, []);
}

type Doc = Document.Parsed;

/**
 * Duplicate keys of every mapping (keys compared as text, as a JS object would: `1` and `"1"` are the
 * same key), each with the line of the first. Linear: one Map per mapping. Aliases are not followed.
 * Counts the nodes it passes (keys included) and the aliases among them in `work`.
 */
function duplicateKeys(
  root: unknown,
  lc: LineCounter,
  work: YamlWork,
): { offset: number; message: string }[] {
  const out: { offset: number; message: string }[] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const cur = stack.pop();
    if (cur === null || cur === undefined) continue;
    work.nodes++;
    if (isAlias(cur)) work.aliases++;
    else if (isMap(cur)) {
      const seen = new Map<string, number>();
      for (const p of cur.items) {
        if (p.key !== null && p.key !== undefined) {
          work.nodes++; // a key is one node, even a list or mapping used as a key (refused later)
          if (isAlias(p.key)) work.aliases++;
        }
        if (isScalar(p.key) && p.key.value !== null && p.key.value !== undefined) {
          const name = String(p.key.value);
          const at = nodeStart(p.key) ?? 0;
          const first = seen.get(name);
          if (first === undefined) seen.set(name, at);
          else
            out.push({
              offset: at,
              message: `duplicate key \`${name}\` (first at line ${lc.linePos(first).line})`,
            });
        }
        stack.push(p.value);
      }
    } else if (isSeq(cur)) for (const it of cur.items) stack.push(it);
  }
  return out;
}

/** Per large mapping: its pairs by key text (the last of equal keys, as `toJS` keeps). */
const pairIndex = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

function findPair(map: { items: { key: unknown; value: unknown }[] }, seg: PathSegment) {
  const want = String(seg);
  if (map.items.length > 16) {
    let index = pairIndex.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) {
        const k = isScalar(pair.key) ? pair.key.value : pair.key;
        if (k !== null && k !== undefined) index.set(String(k), pair);
      }
      pairIndex.set(map, index);
    }
    return index.get(want);
  }
  let found: { key: unknown; value: unknown } | undefined;
  for (const pair of map.items) {
    const k = isScalar(pair.key) ? pair.key.value : pair.key;
    if (k !== null && k !== undefined && String(k) === want) found = pair;
  }
  return found;
}

/** Source offset of the node at `path` (or its key), falling back to the deepest existing ancestor. */
function offsetOf(doc: Doc, path: readonly PathSegment[], at: 'value' | 'key'): number {
  let cur: unknown = doc.contents;
  let best = nodeStart(cur) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (isAlias(cur)) cur = cur.resolve(doc);
    const last = i === path.length - 1;
    if (isMap(cur)) {
      const found = findPair(cur, seg);
      if (!found) return best;
      const keyStart = nodeStart(found.key);
      if (last && at === 'key' && keyStart !== undefined) return keyStart;
      cur = found.value;
      // `key:` with nothing after it: the key is the best place to point at.
      best = (isEmptyScalar(cur) ? keyStart : nodeStart(cur)) ?? keyStart ?? best;
    } else if (isSeq(cur) && typeof seg === 'number') {
      cur = cur.items[seg];
      const s = nodeStart(cur);
      if (s === undefined) return best;
      best = s;
    } else {
      return best;
    }
  }
  return best;
}

function nodeStart(n: unknown): number | undefined {
  if (n && typeof n === 'object' && 'range' in n) {
    const r = (n as Node).range;
    if (Array.isArray(r)) return r[0];
  }
  return undefined;
}

function isEmptyScalar(n: unknown): boolean {
  return isScalar(n) && n.value === null && (n.source === undefined || n.source === '');
}

function firstAlias(n: unknown): Node | undefined {
  const stack: unknown[] = [n];
  while (stack.length) {
    const cur = stack.pop();
    if (isAlias(cur)) return cur;
    if (isMap(cur)) for (let i = cur.items.length - 1; i >= 0; i--) stack.push(cur.items[i]!.value);
    else if (isSeq(cur)) for (let i = cur.items.length - 1; i >= 0; i--) stack.push(cur.items[i]);
  }
  return undefined;
}

/** The first mapping key that is a list or a mapping (JS objects cannot hold such keys). */
function firstComplexKey(n: unknown): Node | undefined {
  const stack: unknown[] = [n];
  while (stack.length) {
    const cur = stack.pop();
    if (isMap(cur)) {
      for (let i = cur.items.length - 1; i >= 0; i--) {
        const p = cur.items[i]!;
        if (isMap(p.key) || isSeq(p.key)) return p.key;
        stack.push(p.value);
      }
    } else if (isSeq(cur)) for (let i = cur.items.length - 1; i >= 0; i--) stack.push(cur.items[i]);
  }
  return undefined;
}

/** Offset of the `---` that opens a document starting near `from`. */
function documentStart(text: string, from: number): number {
  const i = text.lastIndexOf('---', from);
  return i >= 0 ? i : from;
}

function duplicateKeyMessage(doc: Doc, lc: LineCounter, offset: number): string {
  // Find the mapping holding a key that starts at `offset`, and the first key equal to it.
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const cur = stack.pop();
    if (isMap(cur)) {
      const i = cur.items.findIndex((p) => nodeStart(p.key) === offset);
      if (i >= 0) {
        const dup = cur.items[i]!.key;
        const name = isScalar(dup) ? String(dup.value) : String(dup);
        const first = cur.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
        const at = first ? nodeStart(first.key) : undefined;
        return at !== undefined && at !== offset
          ? `duplicate key \`${name}\` (first at line ${lc.linePos(at).line})`
          : `duplicate key \`${name}\``;
      }
      for (const p of cur.items) stack.push(p.value);
    } else if (isSeq(cur)) for (const it of cur.items) stack.push(it);
  }
  return 'duplicate key';
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation and that every `[` and `{` is closed';
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'put a nested mapping on its own indented lines, or quote the value if it contains `: `';
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a key must fit on one line; check for a missing `:` or a missing quote';
    case 'BAD_ALIAS':
    case 'BAD_SCALAR_START':
      return 'quote values that start with `*`, `&`, `@`, `` ` ``, `%` or `!`';
    default:
      return undefined;
  }
}
