/**
 * The `data:` mapping of an indicator set: how to read a data file as it was published (which
 * columns hold the unit, year, variable, value and breakdown; which rows to keep; how variable names
 * map to the set's ids; which markers mean missing; latest measurement per item). It only says how a
 * file is read: the loaders (`load/mapping.ts`) apply it before a table becomes a Dataset.
 */
import { type Static, Type } from '@sinclair/typebox';

const Column = (what: string) => Type.String({ minLength: 1, description: what });

const Values = Type.Union(
  [Type.String(), Type.Number(), Type.Array(Type.Union([Type.String(), Type.Number()]))],
  {
    description: 'A value, or a list of values (compared as text, ignoring case).',
  },
);

/** `brkdown: EGOV_LIFE_EVENTS` (keep rows with it), `{not: [EU, EUplus]}` (drop them). */
export const RowFilter = Type.Union([Values, Type.Object({ not: Values }, { additionalProperties: false })], {
  description:
    'Rows kept: those whose cell is the value (or one of the list); `{not: ...}` keeps the others. Compared as trimmed text, ignoring case.',
});
export type RowFilter = Static<typeof RowFilter>;

/** One name of the file → an id of the set: `e_gov_1a_UC_OA: uc_oa` or `{id: uc_oa, years: [2022]}`. */
export const NameMap = Type.Record(
  Type.String(),
  Type.Union([
    Type.String({ minLength: 1 }),
    Type.Object(
      {
        id: Type.String({ minLength: 1, description: 'The id the name stands for.' }),
        years: Type.Optional(
          Type.Array(Type.Integer(), { minItems: 1, description: 'Only in rows of these years.' }),
        ),
      },
      { additionalProperties: false },
    ),
  ]),
  {
    description:
      'Names in the file (compared ignoring case) → ids of the set; `{id, years}` for a name used only in some years.',
  },
);
export type NameMap = Static<typeof NameMap>;

export const DataMapping = Type.Object(
  {
    form: Type.Optional(
      Type.Union([Type.Literal('wide'), Type.Literal('long')], {
        description: 'wide: a column per variable; long: a row per value (default: detected).',
      }),
    ),
    sheet: Type.Optional(
      Type.Union(
        [Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })],
        {
          description: 'XLSX: the worksheet(s) to read (default: every sheet with a unit column).',
        },
      ),
    ),
    unit: Type.Optional(Column('Column of the unit ids.')),
    name: Type.Optional(
      Type.Union([Column('Column of the unit names.'), Type.Array(Type.String({ minLength: 1 }))], {
        description: 'Column(s) of the unit names (`name_<lang>` columns give names by language).',
      }),
    ),
    year: Type.Optional(Column('Column of the years.')),
    groups: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { description: 'Group columns (region, income...).' }),
    ),
    variable: Type.Optional(Column('Long form: column naming the variable of each row.')),
    value: Type.Optional(Column('Long form: column of the values.')),
    breakdown: Type.Optional(
      Column(
        'Long form: a breakdown column (life event, sex, age band); the variable read is named by `id` from the variable and the breakdown.',
      ),
    ),
    id: Type.Optional(
      Type.String({
        minLength: 1,
        description:
          'How a variable is named from `{variable}` and `{breakdown}` (default `{variable}_{breakdown}`), after `variables` and `breakdowns`.',
      }),
    ),
    variables: Type.Optional(NameMap),
    breakdowns: Type.Optional(NameMap),
    filter: Type.Optional(
      Type.Record(Type.String(), RowFilter, {
        description: 'Rows kept, by column: every condition must hold.',
      }),
    ),
    missing: Type.Optional(
      Type.Array(Type.String(), {
        description: 'Cell texts that mean missing, besides the usual ones (`.`, `:`, `n.a.`).',
      }),
    ),
    flags: Type.Optional(
      Type.Boolean({
        description:
          'Eurostat-style flags after a number (`12.3 p`, `7 e`, `: c`): the number is read, the flag dropped (counted in a warning).',
      }),
    ),
    latest: Type.Optional(
      Type.Union([Type.Boolean(), Type.Integer()], {
        description:
          'Latest measurement per unit and variable: the value of the latest year that has one (up to this year, when a year is given); the data become one year.',
      }),
    ),
    ignore: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Columns never read.' })),
    duplicate_columns: Type.Optional(
      Type.Union([Type.Literal('error'), Type.Literal('identical')], {
        description:
          'A column name given twice: an error (default), or accepted when both columns hold the same cells (the second is dropped, with a warning).',
      }),
    ),
  },
  { additionalProperties: false, description: 'How to read the data file as it was published.' },
);
export type DataMapping = Static<typeof DataMapping>;
