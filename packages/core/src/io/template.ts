/**
 * Data-entry templates generated from an indicator set (`govscore template`): an XLSX workbook with
 * one sheet per dimension (one row per unit, one column per indicator, the indicator's name, unit and
 * allowed range above its id, data validation on the cells) and a sheet for checklist answers (one
 * row per unit and item, with a rater column and evidence columns: url, screenshot file, date checked,
 * note); or the same as one long CSV. What the evaluator fills in reads back with `readDataset`.
 * Pure: no file system (the CLI writes the bytes).
 */
import { setVariables, type VariableSpec } from '../load/check-data';
import { langText } from '../result/tables';
import type { IndicatorNode, IndicatorSet, LangText, TreeNode } from '../schema/indicator-set';
import { toCsv } from './csv-write';
import { cellRef, type DataValidation, type SheetData, writeXlsx } from './xlsx';

export interface TemplateOptions {
  /** Units to list, one row each (default: `blankRows` empty rows to fill in). */
  units?: readonly { id: string; name?: LangText; groups?: Readonly<Record<string, string>> }[];
  /** Year to write in a `year` column on every row (default: no year column). */
  year?: number;
  /** Language of the labels and names: `zh` or `en` (default: the set's first language). */
  lang?: string;
  /** Empty rows per dimension sheet when no units are given (default 30). */
  blankRows?: number;
}

/** Labels of the template in Chinese and English. */
const LABELS = {
  zh: {
    readme: '说明',
    units: '地区',
    group: '分组',
    denominator: '分母',
    text: '文本',
    checklists: '清单',
    indicators: '指标',
    noteName: '# 指标名称',
    noteRange: '# 单位 · 允许范围',
    noteItems:
      '# 每行一个地区、一个清单项、一位评估人。答案：是/否/部分/不适用（或 yes/no/partial/not applicable），或 0–1 之间的份额；证据：url 链接、file 截图文件名、date 检查日期、note 备注；多位评估人时复制行并填写 rater，仲裁结果的 rater 写 adjudicated。',
    item: '#清单项',
    points: '#分值',
    any: '任意数值',
    answers: '答案',
    levels: '等级',
    prompt: '填写',
    error: '不在允许范围内',
  },
  en: {
    readme: 'README',
    units: 'Units',
    group: 'group',
    denominator: 'denominator',
    text: 'text',
    checklists: 'Checklists',
    indicators: 'Indicators',
    noteName: '# indicator',
    noteRange: '# unit · allowed',
    noteItems:
      '# One row per unit, checklist item and rater. Answer yes/no/partial/not applicable (or 是/否/部分/不适用), or a share from 0 to 1. Evidence: url, file (screenshot file name), date (date checked), note. Several raters: copy the rows and fill in rater; the adjudicated answer has rater adjudicated.',
    item: '#item',
    points: '#points',
    any: 'any number',
    answers: 'answers',
    levels: 'levels',
    prompt: 'Enter',
    error: 'is not allowed',
  },
} as const;
type Labels = (typeof LABELS)['en' | 'zh'];

/** Answers offered for a checklist item without levels. */
const ITEM_ANSWERS = ['yes', 'no', 'partial', 'not applicable', '是', '否', '部分', '不适用'];
/** Answers offered for a binary indicator. */
const BINARY_ANSWERS = ['yes', 'no', '是', '否'];

function languageOf(set: IndicatorSet, lang: string | undefined): string {
  if (lang) return lang;
  if (set.languages?.[0]) return set.languages[0];
  return typeof set.title === 'string' ? 'en' : (Object.keys(set.title)[0] ?? 'en');
}

const isAggregate = (n: TreeNode): n is Extract<TreeNode, { children: unknown }> =>
  Array.isArray((n as { children?: unknown }).children);

function leaves(n: TreeNode): IndicatorNode[] {
  return isAggregate(n) ? n.children.flatMap(leaves) : [n as IndicatorNode];
}

const isChecklist = (ind: IndicatorNode) => (ind.items?.length ?? 0) > 0;

/** A sheet name Excel accepts (31 characters, none of `:\/?*[]`), unique ignoring case. */
function sheetName(name: string, used: Set<string>): string {
  let base = name
    .replace(/[:\\/?*[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31);
  if (base.trim() === '') base = 'Sheet';
  let out = base;
  for (let k = 2; used.has(out.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    out = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(out.toLowerCase());
  return out;
}

/** `unit · [min, max]` text for the note row, and the validation of a variable's cells. */
function describe(
  ind: IndicatorNode,
  spec: VariableSpec | undefined,
  l: Labels,
): { text: string; rule?: Omit<DataValidation, 'ref'> } {
  const unit = ind.unit ? `${ind.unit} · ` : '';
  if (spec?.kind === 'binary') return { text: `${unit}yes/no`, rule: { type: 'list', list: BINARY_ANSWERS } };
  if (spec?.kind === 'ordinal' && spec.levels) {
    const keys = Object.keys(spec.levels);
    const ok = keys.every((k) => !k.includes(',') && !k.includes('"')) && keys.join(',').length <= 255;
    return {
      text: `${unit}${l.levels}: ${keys.join(' / ')}`,
      ...(ok ? { rule: { type: 'list' as const, list: keys } } : {}),
    };
  }
  const lo = spec?.min;
  const hi = spec?.max;
  const range = lo === undefined && hi === undefined ? l.any : `${lo ?? '−∞'} – ${hi ?? '∞'}`;
  return {
    text: `${unit}${range}`,
    rule: {
      type: ind.type === 'count' ? 'whole' : 'decimal',
      ...(lo !== undefined ? { min: lo } : {}),
      ...(hi !== undefined ? { max: hi } : {}),
    },
  };
}

/** Group columns the set uses: `rank.within` and the groups of group imputations. */
function groupColumns(set: IndicatorSet, units: TemplateOptions['units']): string[] {
  const out: string[] = [];
  const add = (g: string | undefined) => {
    if (g !== undefined && !out.includes(g)) out.push(g);
  };
  const m = set.methodology;
  add(m?.rank?.within);
  add(m?.impute?.group);
  for (const ind of leaves(set.tree)) add(ind.impute?.group);
  for (const u of units ?? []) for (const g of Object.keys(u.groups ?? {})) add(g);
  return out;
}

/** Columns over rows as `C4:C53`. */
function columnRange(col: number, first: number, last: number): string {
  return `${cellRef(col, first)}:${cellRef(col, last)}`;
}

/**
 * The sheets of a data-entry workbook for an indicator set (see the module comment). Row 1 holds the
 * indicators' names, row 2 their units and allowed ranges (both notes, starting with `#`), row 3 the
 * ids that are read back, then one row per unit.
 *
 * @param set a validated indicator set
 * @param opts units, year, language, blank rows
 * @returns sheets for `writeXlsx`: README, one per dimension with non-checklist indicators, and one
 *   for checklist answers when the set has checklists
 * @example writeXlsx(templateSheets(set, { units: [{ id: '110000', name: '北京' }], year: 2025 }))
 */
export function templateSheets(set: IndicatorSet, opts: TemplateOptions = {}): SheetData[] {
  const lang = languageOf(set, opts.lang);
  const l: Labels = lang.startsWith('zh') ? LABELS.zh : LABELS.en;
  const sv = setVariables(set);
  const units = opts.units ?? [];
  const nRows = units.length > 0 ? units.length : (opts.blankRows ?? 30);
  const withYear = opts.year !== undefined;
  const used = new Set<string>();
  const sheets: SheetData[] = [];
  const readmeName = sheetName(l.readme, used);

  // dimensions: the root's children; indicators right under the root go to one sheet
  const root = set.tree;
  const groups: { name: string; indicators: IndicatorNode[] }[] = [];
  if (isAggregate(root)) {
    const loose: IndicatorNode[] = [];
    for (const c of root.children) {
      if (isAggregate(c)) {
        const inds = leaves(c).filter((i) => !isChecklist(i));
        if (inds.length) groups.push({ name: langText(c.name, lang) || c.id, indicators: inds });
      } else if (!isChecklist(c as IndicatorNode)) loose.push(c as IndicatorNode);
    }
    if (loose.length) groups.push({ name: l.indicators, indicators: loose });
  } else if (!isChecklist(root as IndicatorNode))
    groups.push({ name: l.indicators, indicators: [root as IndicatorNode] });

  type U = NonNullable<TemplateOptions['units']>[number];
  const lead = (u: U | undefined): (string | number | null)[] => [
    u?.id ?? null,
    u ? langText(u.name, lang) || null : null,
    ...(withYear ? [opts.year as number] : []),
  ];
  const nLead = withYear ? 3 : 2;
  const headLead = ['id', 'name', ...(withYear ? ['year'] : [])];

  // units: group columns and denominators, when the set uses them
  const groupCols = groupColumns(set, opts.units);
  const denoms = [...sv.denominators.keys()].filter((d) => sv.specs.get(d)?.role === 'denominator');
  if (groupCols.length || denoms.length) {
    const name = sheetName(l.units, used);
    const notes1: (string | null)[] = [l.noteName, ...Array(nLead - 1).fill(null)];
    const notes2: (string | null)[] = [l.noteRange, ...Array(nLead - 1).fill(null)];
    for (const g of groupCols) {
      notes1.push(`${l.group}: ${g}`);
      notes2.push(l.text);
    }
    const validations: DataValidation[] = [];
    denoms.forEach((d, k) => {
      notes1.push(`${l.denominator}: ${sv.denominators.get(d)!.join(', ')}`);
      notes2.push('> 0');
      if (nRows > 0)
        validations.push({
          type: 'decimal',
          min: 0,
          ref: columnRange(nLead + groupCols.length + k, 4, 3 + nRows),
          prompt: { title: d, text: `${l.denominator}: ${sv.denominators.get(d)!.join(', ')}` },
          error: { title: d, text: `${l.error}: > 0` },
        });
    });
    const rows: (string | number | null)[][] = [notes1, notes2, [...headLead, ...groupCols, ...denoms]];
    for (let r = 0; r < nRows; r++) {
      const u = units[r];
      rows.push([...lead(u), ...groupCols.map((g) => u?.groups?.[g] ?? null)]);
    }
    sheets.push({
      name,
      rows,
      validations,
      freeze: { rows: 3, cols: 2 },
      widths: [14, 16, ...(withYear ? [8] : []), ...groupCols.map(() => 12), ...denoms.map(() => 16)],
    });
  }

  for (const g of groups) {
    const name = sheetName(g.name, used);
    const notes1: (string | null)[] = [l.noteName, ...Array(nLead - 1).fill(null)];
    const notes2: (string | null)[] = [l.noteRange, ...Array(nLead - 1).fill(null)];
    const validations: DataValidation[] = [];
    g.indicators.forEach((ind, k) => {
      const d = describe(ind, sv.specs.get(ind.id), l);
      notes1.push(langText(ind.name, lang) || ind.id);
      notes2.push(d.text);
      if (d.rule && nRows > 0) {
        const col = nLead + k;
        validations.push({
          ...d.rule,
          ref: columnRange(col, 4, 3 + nRows),
          prompt: { title: ind.id, text: `${langText(ind.name, lang) || ind.id}: ${d.text}` },
          error: { title: ind.id, text: `${l.error}: ${d.text}` },
        });
      }
    });
    const rows: (string | number | null)[][] = [
      notes1,
      notes2,
      [...headLead, ...g.indicators.map((i) => i.id)],
    ];
    for (let r = 0; r < nRows; r++) rows.push(lead(units[r]));
    sheets.push({
      name,
      rows,
      validations,
      freeze: { rows: 3, cols: 2 },
      widths: [14, 16, ...(withYear ? [8] : []), ...g.indicators.map(() => 18)],
    });
  }

  // checklist answers: long form, one row per unit and item
  const checklists = leaves(root).filter(isChecklist);
  if (checklists.length) {
    const name = sheetName(l.checklists, used);
    const header = [
      ...headLead,
      'indicator',
      l.item,
      l.points,
      'value',
      'rater',
      'url',
      'file',
      'date',
      'note',
    ];
    const valueCol = header.indexOf('value');
    const rows: (string | number | null)[][] = [[l.noteItems], header];
    const lists = new Map<string, { list: string[]; rows: number[] }>();
    const unitRows = units.length > 0 ? units : [undefined];
    for (const u of unitRows) {
      for (const ind of checklists) {
        for (const it of ind.items ?? []) {
          const v = `${ind.id}.${it.id}`;
          const spec = sv.specs.get(v);
          const kind = it.kind ?? 'normal';
          const points = kind === 'veto' ? (lang.startsWith('zh') ? '单项否决' : 'veto') : (it.points ?? 1);
          rows.push([
            ...lead(u),
            v,
            `${langText(ind.name, lang) || ind.id} · ${langText(it.name, lang) || it.id}`,
            kind === 'bonus' ? `+${points}` : points,
            null,
            null,
            null,
            null,
            null,
            null,
          ]);
          const levels = spec?.levels ? Object.keys(spec.levels) : [];
          const list = [...levels, ...ITEM_ANSWERS.filter((a) => !levels.includes(a))];
          const okList =
            list.every((x) => !x.includes(',') && !x.includes('"')) && list.join(',').length <= 255;
          if (!okList) continue;
          const key = list.join('\u0000');
          let e = lists.get(key);
          if (!e) lists.set(key, (e = { list, rows: [] }));
          e.rows.push(rows.length);
        }
      }
    }
    const validations: DataValidation[] = [...lists.values()].map((e) => ({
      type: 'list' as const,
      list: e.list,
      ref: e.rows.map((r) => cellRef(valueCol, r)).join(' '),
      prompt: { title: l.answers, text: e.list.join(' / ') },
      error: { title: l.answers, text: `${l.error}: ${e.list.join(' / ')}` },
    }));
    sheets.push({
      name,
      rows,
      validations: validations.filter((v) => v.ref.length < 8000),
      freeze: { rows: 2, cols: 2 },
      widths: [14, 16, ...(withYear ? [8] : []), 22, 40, 8, 14, 12, 36, 22, 12, 30],
    });
  }

  sheets.unshift({ name: readmeName, rows: readme(set, lang, sheets), widths: [110] });
  return sheets;
}

/** The README sheet: what the workbook is and how to fill it in. */
function readme(set: IndicatorSet, lang: string, sheets: readonly SheetData[]): string[][] {
  const zh = lang.startsWith('zh');
  const title = langText(set.title, lang);
  const lines = zh
    ? [
        `${title}（${set.id}${set.version ? ` ${set.version}` : ''}）数据填报表`,
        '',
        '填写方法：',
        '1. 每个维度一张工作表：每行一个地区，每列一个指标。第 1、2 行是指标名称、单位和允许范围（以 # 开头，不读入）；第 3 行是指标编号，请勿修改。',
        '2. 数值写数字（小数点用 .，不用千分位）；百分比写 0–100；是/否题写 是/否 或 yes/no；缺失值留空或写 NA。',
        '3. 清单工作表：每行一个地区、一个清单项。答案写 是/否/部分/不适用，或 0–1 之间的份额；“不适用”表示该项对该地区不适用（按比例折算），与缺失（留空、NA）不同。',
        '4. 证据：url 写网址，file 写截图文件名，date 写检查日期（如 2025-03-01），note 写备注。',
        '5. 多位评估人：复制清单行，在 rater 列填写评估人；仲裁后的最终答案 rater 写 adjudicated。',
        '6. 填好后运行：govscore validate <指标体系.yaml> --data <本文件>，再运行 govscore assess。',
        '',
        `工作表：${sheets.map((s) => s.name).join('、')}`,
      ]
    : [
        `${title} (${set.id}${set.version ? ` ${set.version}` : ''}): data entry workbook`,
        '',
        'How to fill it in:',
        '1. One sheet per dimension: one row per unit, one column per indicator. Rows 1 and 2 hold the indicator names, units and allowed ranges (starting with #, not read); row 3 holds the indicator ids: do not change them.',
        '2. Write numbers with a dot for decimals and no thousands separators; percentages as 0-100; yes/no questions as yes/no; leave a cell empty (or NA) when the value is missing.',
        '3. Checklist sheet: one row per unit and item. Answer yes/no/partial/not applicable, or a share from 0 to 1. "not applicable" means the item does not apply to the unit (the score is rescaled); it is not the same as missing (empty, NA).',
        '4. Evidence: url (web address), file (screenshot file name), date (date checked, e.g. 2025-03-01), note.',
        '5. Several raters: copy the checklist rows and fill in rater; the adjudicated final answer has rater adjudicated.',
        '6. Then run: govscore validate <set.yaml> --data <this file>, then govscore assess.',
        '',
        `Sheets: ${sheets.map((s) => s.name).join(', ')}`,
      ];
  return lines.map((t) => [t]);
}

/**
 * A data-entry workbook for an indicator set, as XLSX bytes (see `templateSheets`).
 * @example writeFileSync('data.xlsx', templateXlsx(set, { units, year: 2025 }))
 */
export function templateXlsx(set: IndicatorSet, opts: TemplateOptions = {}): Uint8Array {
  return writeXlsx(templateSheets(set, opts));
}

/**
 * A data-entry template as one long CSV: `#` lines with instructions, then `id,name[,year],indicator,
 * #indicator,#allowed,value,rater,url,file,date,note`, one row per unit and variable (indicators and
 * checklist items). Unanswered rows are skipped when read back.
 *
 * @param set a validated indicator set
 * @param opts units, year, language
 * @returns CSV text with a UTF-8 BOM (Excel reads Chinese correctly)
 */
export function templateCsv(set: IndicatorSet, opts: TemplateOptions = {}): string {
  const lang = languageOf(set, opts.lang);
  const zh = lang.startsWith('zh');
  const l: Labels = zh ? LABELS.zh : LABELS.en;
  const sv = setVariables(set);
  const withYear = opts.year !== undefined;
  const groupCols = groupColumns(set, opts.units);
  const denoms = [...sv.denominators.keys()].filter((d) => sv.specs.get(d)?.role === 'denominator');
  const head = [
    'id',
    'name',
    ...(withYear ? ['year'] : []),
    ...groupCols,
    'indicator',
    zh ? '#指标' : '#indicator',
    zh ? '#允许' : '#allowed',
    'value',
    'rater',
    'url',
    'file',
    'date',
    'note',
  ];
  const rows: (string | number | null)[][] = [];
  const units = opts.units?.length ? opts.units : [undefined];
  for (const u of units) {
    const row = (v: { id: string; name: string; allowed: string }) =>
      rows.push([
        u?.id ?? null,
        u ? langText(u.name, lang) || null : null,
        ...(withYear ? [opts.year as number] : []),
        ...groupCols.map((g) => u?.groups?.[g] ?? null),
        v.id,
        v.name,
        v.allowed,
        null,
        null,
        null,
        null,
        null,
        null,
      ]);
    for (const d of denoms)
      row({ id: d, name: `${l.denominator}: ${sv.denominators.get(d)!.join(', ')}`, allowed: '> 0' });
    for (const ind of leaves(set.tree)) {
      const vars = isChecklist(ind)
        ? (ind.items ?? []).map((it) => ({
            id: `${ind.id}.${it.id}`,
            name: `${langText(ind.name, lang) || ind.id} · ${langText(it.name, lang) || it.id}`,
            allowed:
              (it.kind ?? 'normal') === 'veto'
                ? zh
                  ? '是/否（单项否决）'
                  : 'yes/no (veto)'
                : zh
                  ? '是/否/部分/不适用'
                  : 'yes/no/partial/not applicable',
          }))
        : [
            {
              id: ind.id,
              name: langText(ind.name, lang) || ind.id,
              allowed: describe(ind, sv.specs.get(ind.id), l).text,
            },
          ];
      for (const v of vars) row(v);
    }
  }
  const notes = (
    zh
      ? [
          `# ${langText(set.title, lang)}（${set.id}）数据填报表：每行一个地区、一个指标（或清单项）、一位评估人；在 value 列填写答案。`,
          '# 数值写数字；是/否题写 是/否；清单项写 是/否/部分/不适用；缺失留空。证据：url、file（截图文件名）、date（检查日期）、note。',
        ]
      : [
          `# ${langText(set.title, lang)} (${set.id}) data entry: one row per unit, indicator (or checklist item) and rater; answer in the value column.`,
          '# Numbers as numbers; yes/no questions as yes/no; checklist items yes/no/partial/not applicable; leave missing values empty. Evidence: url, file (screenshot), date (checked), note.',
        ]
  ).map((t) => t.replace(/[,"\r\n]/g, ' '));
  return `\uFEFF${notes.join('\r\n')}\r\n${toCsv([head, ...rows])}`;
}
