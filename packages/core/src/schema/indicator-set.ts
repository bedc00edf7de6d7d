/**
 * The indicator-set language: one TypeBox definition that is both the JSON Schema (used by ajv and
 * written to `schema/indicator-set.schema.json` for editor completion) and the TypeScript types.
 * Nothing here is written twice: change the language here, then run `pnpm schema`.
 */
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DataMapping } from './data-mapping';

/** A node or indicator id: letters, digits, `_` and `-`, starting with a letter or `_`. */
export const Id = Type.String({
  pattern: '^[A-Za-z_][A-Za-z0-9_-]*$',
  minLength: 1,
  maxLength: 64,
  description:
    'Identifier: letters, digits, `_` and `-`, starting with a letter or `_` (e.g. `online_service`).',
});

/** Text in one language, or in several keyed by language code (`{zh: 在线服务, en: Online service}`). */
export const LangText = Type.Union(
  [
    Type.String(),
    Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]+)*$' }), Type.String(), {
      minProperties: 1,
      additionalProperties: false,
    }),
  ],
  { description: 'Text, or text per language code: `{zh: 在线服务, en: Online service}`.' },
);
export type LangText = Static<typeof LangText>;

const Params = Type.Record(Type.String(), Type.Unknown(), {
  description: "Method parameters; each method's reference lists its own.",
});

/** `minmax` or `{method: minmax, params: {min: 0, max: 100}}`. */
const methodSpec = (what: string) =>
  Type.Union(
    [
      Type.String({ description: `${what} method key` }),
      Type.Object(
        { method: Type.String({ description: `${what} method key` }), params: Type.Optional(Params) },
        { additionalProperties: false },
      ),
    ],
    { description: `A ${what} method: its key, or {method, params}.` },
  );

export const NormaliseSpec = methodSpec('normalisation');
export type NormaliseSpec = Static<typeof NormaliseSpec>;
export const AggregateSpec = methodSpec('aggregation');
export type AggregateSpec = Static<typeof AggregateSpec>;
export const RescaleSpec = methodSpec('rescaling (a normalisation applied to an aggregate)');
export type RescaleSpec = Static<typeof RescaleSpec>;

export const ImputeSpec = Type.Object(
  {
    method: Type.Union(
      [
        Type.Literal('none'),
        Type.Literal('mean'),
        Type.Literal('median'),
        Type.Literal('group_mean'),
        Type.Literal('group_median'),
        Type.Literal('latest'),
        Type.Literal('interpolate_linear'),
        Type.Literal('interpolate_constant'),
      ],
      { description: 'How a missing value is filled.' },
    ),
    group: Type.Optional(Type.String({ description: 'Group column for group_mean and group_median.' })),
  },
  { additionalProperties: false },
);
export type ImputeSpec = Static<typeof ImputeSpec>;

export const TreatSpec = Type.Object(
  {
    method: Type.Union([Type.Literal('none'), Type.Literal('winsorise'), Type.Literal('log')], {
      description: "'winsorise' is COINr's rule: winsorise while |skew| ≥ skew and kurtosis ≥ kurtosis.",
    }),
    skew: Type.Optional(Type.Number({ minimum: 0, description: 'Absolute skewness limit (default 2).' })),
    kurtosis: Type.Optional(Type.Number({ description: 'Excess kurtosis limit (default 3.5).' })),
    max_points: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Most points winsorised before the fallback (default 5).' }),
    ),
    fallback: Type.Optional(
      Type.Union([Type.Literal('log'), Type.Literal('none')], {
        description: 'What to do when winsorising max_points does not bring the indicator within limits.',
      }),
    ),
    force: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Winsorise exactly this many points at each end, whatever.' }),
    ),
  },
  { additionalProperties: false },
);
export type TreatSpec = Static<typeof TreatSpec>;

export const ScreenSpec = Type.Object(
  {
    min_coverage: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Drop units with a smaller share of indicators.' }),
    ),
    max_zero_share: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Drop units with a larger share of zeros.' }),
    ),
    stage: Type.Optional(
      Type.Union([Type.Literal('before_impute'), Type.Literal('after_impute')], {
        description:
          'Screen on the data as supplied (before_impute, default) or after imputation (after_impute, as COINr’s example pipeline).',
      }),
    ),
    include: Type.Optional(Type.Array(Type.String(), { description: 'Unit ids kept whatever.' })),
    exclude: Type.Optional(Type.Array(Type.String(), { description: 'Unit ids dropped whatever.' })),
  },
  { additionalProperties: false },
);
export type ScreenSpec = Static<typeof ScreenSpec>;

export const RankSpec = Type.Object(
  {
    ties: Type.Optional(
      Type.Union([Type.Literal('competition'), Type.Literal('dense')], {
        description: 'competition: 1,2,2,4 (default); dense: 1,2,2,3.',
      }),
    ),
    round: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 15, description: 'Round scores to this many decimals first.' }),
    ),
    within: Type.Optional(Type.String({ description: 'Also rank within each value of this group column.' })),
    among: Type.Optional(
      Type.Union(
        [
          Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Unit ids ranked.' }),
          Type.Object(
            {
              group: Type.String({ minLength: 1, description: 'Group column of the data.' }),
              values: Type.Array(Type.String(), { minItems: 1, description: 'Group values ranked.' }),
            },
            { additionalProperties: false },
          ),
        ],
        {
          description:
            'Rank only these units (a list of ids, or the units whose group column has one of the values); every unit is still scored, the others get no rank.',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RankSpec = Static<typeof RankSpec>;

export const TierLevel = Type.Object(
  {
    id: Id,
    name: Type.Optional(LangText),
    min: Type.Optional(Type.Number({ description: 'Lowest score of the tier (thresholds).' })),
    exclusive: Type.Optional(
      Type.Boolean({ description: 'Score must be strictly above min (> instead of ≥).' }),
    ),
    min_quantile: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Lowest quantile of scores (quantiles).' }),
    ),
    subclasses: Type.Optional(
      Type.Array(Type.String(), {
        minItems: 1,
        description: 'Labels, best first, for equal-count classes within the tier (UN: VH, V3, V2, V1).',
      }),
    ),
    color: Type.Optional(Type.String({ description: 'Colour for the report (#rrggbb).' })),
  },
  { additionalProperties: false },
);
export type TierLevel = Static<typeof TierLevel>;

export const TierSpec = Type.Object(
  {
    node: Type.Optional(Type.String({ description: 'Node whose score is tiered (default: the root).' })),
    by: Type.Union([Type.Literal('thresholds'), Type.Literal('quantiles')]),
    round: Type.Optional(Type.Integer({ minimum: 0, maximum: 15, description: 'Round before comparing.' })),
    levels: Type.Array(TierLevel, {
      minItems: 1,
      description: 'Best tier first; the last has no lower bound.',
    }),
    veto: Type.Optional(
      Type.Object(
        { id: Id, name: Type.Optional(LangText) },
        { additionalProperties: false, description: 'Tier of units failing a veto item.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type TierSpec = Static<typeof TierSpec>;

/** Several raters per value: how the final value is taken, and how many raters are expected. */
export const RatersSpec = Type.Object(
  {
    rule: Type.Union([Type.Literal('adjudicated'), Type.Literal('majority'), Type.Literal('median')], {
      description:
        "adjudicated: the adjudicator's answer (raters must agree otherwise); majority: the most frequent answer; median: the (lower) median. An adjudicated answer always wins.",
    }),
    min_raters: Type.Optional(
      Type.Integer({
        minimum: 1,
        description: 'Fewer raters than this for a value is a warning (default 1).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RatersSpec = Static<typeof RatersSpec>;

export const Methodology = Type.Object(
  {
    screen: Type.Optional(ScreenSpec),
    impute: Type.Optional(ImputeSpec),
    treat: Type.Optional(TreatSpec),
    normalise: Type.Optional(NormaliseSpec),
    weights: Type.Optional(
      Type.Union([Type.Literal('given'), Type.Literal('equal')], {
        description: 'given: weights as written (renormalised among siblings); equal: ignore them.',
      }),
    ),
    aggregate: Type.Optional(AggregateSpec),
    coverage: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'Least share of children with data (default 0).' }),
    ),
    rank: Type.Optional(RankSpec),
    tiers: Type.Optional(TierSpec),
    strengths: Type.Optional(
      Type.Integer({ minimum: 0, description: 'How many strengths and weaknesses per unit (default 3).' }),
    ),
    raters: Type.Optional(RatersSpec),
    compat: Type.Optional(
      Type.Union([Type.Literal('none'), Type.Literal('coinr')], {
        description:
          "coinr: COINr 1.1.14's behaviour wherever govscore departs from it (docs/methods.md, compat: coinr); none (default): govscore's.",
      }),
    ),
  },
  { additionalProperties: false },
);
export type Methodology = Static<typeof Methodology>;

/** Answers of a checklist item and the share of its points each gives: `{none: 0, some: 0.5, full: 1}`. */
export const AnswerLevels = Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 1 }), {
  description: "Answers and the share (0-1) of the item's points each gives: {none: 0, some: 0.5, full: 1}.",
});

export const ChecklistItem = Type.Object(
  {
    id: Id,
    name: Type.Optional(LangText),
    points: Type.Optional(Type.Number({ description: 'Points for yes (sum) or deducted for no (deduct).' })),
    kind: Type.Optional(
      Type.Union([Type.Literal('normal'), Type.Literal('bonus'), Type.Literal('veto')], {
        description: 'bonus items add on top of the cap; a failed veto item fails the unit.',
      }),
    ),
    description: Type.Optional(LangText),
    group: Type.Optional(
      Type.String({ description: 'Id of the `scoring.groups` entry whose points cap this item (deduct).' }),
    ),
    levels: Type.Optional(AnswerLevels),
  },
  { additionalProperties: false },
);
export type ChecklistItem = Static<typeof ChecklistItem>;

export const ChecklistScoring = Type.Object(
  {
    mode: Type.Union([Type.Literal('sum'), Type.Literal('deduct')], {
      description: 'sum: points of items answered yes; deduct: max minus points of items answered no.',
    }),
    max: Type.Optional(Type.Number({ description: 'Cap on the score (deduct: the starting points).' })),
    bonus_above: Type.Optional(
      Type.Number({ description: 'Bonus items count only when the capped score is at least this.' }),
    ),
    bonus_exclusive: Type.Optional(
      Type.Boolean({ description: 'Bonus items count only when the score is strictly above bonus_above.' }),
    ),
    groups: Type.Optional(
      Type.Array(
        Type.Object(
          {
            id: Id,
            name: Type.Optional(LangText),
            points: Type.Number({
              minimum: 0,
              description: 'Points of the group: its items lose at most these.',
            }),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          description:
            'Indicators within the checklist: each normal item names its group, whose deductions (or sums) are capped at its points.',
        },
      ),
    ),
    levels: Type.Optional(AnswerLevels),
    partial: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Share given by the answer `partial` (default 0.5).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ChecklistScoring = Static<typeof ChecklistScoring>;

const nodeCommon = {
  id: Id,
  name: Type.Optional(LangText),
  description: Type.Optional(LangText),
  weight: Type.Optional(Type.Number({ description: 'Weight relative to siblings (default 1).' })),
};

export const IndicatorNode = Type.Object(
  {
    ...nodeCommon,
    unit: Type.Optional(Type.String({ description: 'Unit of the raw value (%, days, count per million).' })),
    direction: Type.Optional(
      Type.Union([Type.Literal('higher'), Type.Literal('lower')], { description: 'Which is better.' }),
    ),
    type: Type.Optional(
      Type.Union([
        Type.Literal('numeric'),
        Type.Literal('percentage'),
        Type.Literal('count'),
        Type.Literal('binary'),
        Type.Literal('ordinal'),
        Type.Literal('checklist'),
      ]),
    ),
    source: Type.Optional(
      Type.Union([
        Type.String(),
        Type.Object({ name: LangText, url: Type.Optional(Type.String()) }, { additionalProperties: false }),
      ]),
    ),
    denominator: Type.Optional(
      Type.Object(
        {
          by: Type.String({ description: 'Data column to divide by (e.g. population).' }),
          scale: Type.Optional(Type.Number({ description: 'value / (denominator / scale); default 1.' })),
        },
        { additionalProperties: false },
      ),
    ),
    transform: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('log'), Type.Literal('log10')])),
    goalposts: Type.Optional(
      Type.Object(
        { low: Type.Number(), high: Type.Number() },
        { additionalProperties: false, description: 'Published goalposts in raw units.' },
      ),
    ),
    target: Type.Optional(Type.Number({ description: 'Target value in raw units.' })),
    range: Type.Optional(
      Type.Object(
        { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) },
        { additionalProperties: false, description: 'Values outside are errors in the data.' },
      ),
    ),
    levels: Type.Optional(
      Type.Record(Type.String(), Type.Number(), {
        description: 'Ordinal or categorical answers and their values: {none: 0, partial: 1, full: 2}.',
      }),
    ),
    items: Type.Optional(Type.Array(ChecklistItem, { minItems: 1 })),
    scoring: Type.Optional(ChecklistScoring),
    impute: Type.Optional(ImputeSpec),
    treat: Type.Optional(TreatSpec),
    normalise: Type.Optional(NormaliseSpec),
  },
  { additionalProperties: false },
);
export type IndicatorNode = Static<typeof IndicatorNode>;

/** A list item of `lists` (or of `repeat.over`): an `id` and any values its placeholders take. */
export const ListItem = Type.Object(
  { id: Type.String({ minLength: 1, description: 'Id of the item: fills `{id}` in a template.' }) },
  {
    additionalProperties: Type.Union([Type.String(), Type.Number(), LangText]),
    description: 'An item: `id` and the other values its placeholders take (`{name}`, `{code}`).',
  },
);

/** `repeat` of an aggregate: one child per item, made from `node` (see load/repeat.ts). */
export const RepeatSpec = Type.Object(
  {
    over: Type.Union([Type.String({ minLength: 1 }), Type.Array(ListItem, { minItems: 1 })], {
      description: 'The items: the name of a list of `lists`, or the items themselves.',
    }),
    as: Type.Optional(
      Type.String({ description: 'A name for the item, so that nested templates can say `{as.key}`.' }),
    ),
    node: Type.Record(Type.String(), Type.Unknown(), {
      description: 'The template of each child: a node whose texts may hold `{key}` placeholders.',
    }),
  },
  { additionalProperties: false, description: 'Make one child per item of a list from a node template.' },
);

/** What the loader leaves on an aggregate whose `repeat` it expanded. */
export const RepeatedInfo = Type.Object(
  {
    over: Type.String({ description: 'The list repeated over.' }),
    template: Type.String({ description: 'The id template of the children made.' }),
    count: Type.Integer({ minimum: 0, description: 'How many children the repeat made.' }),
  },
  {
    additionalProperties: false,
    description: 'Written by the loader when it expands `repeat` (for reports); not written by hand.',
  },
);

/** The tree: a node with `children` is an aggregate, one without is an indicator. */
export const TreeNode = Type.Recursive(
  (Self) =>
    Type.Union([
      Type.Object(
        {
          ...nodeCommon,
          children: Type.Array(Self, { description: 'Sub-nodes: aggregates or indicators.' }),
          aggregate: Type.Optional(AggregateSpec),
          coverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          rescale: Type.Optional(RescaleSpec),
          repeat: Type.Optional(RepeatSpec),
          repeated: Type.Optional(RepeatedInfo),
        },
        { additionalProperties: false },
      ),
      IndicatorNode,
    ]),
  { $id: 'TreeNode' },
);
export type TreeNode = Static<typeof TreeNode>;
export type AggregateNode = Extract<TreeNode, { children: unknown }>;

export const IndicatorSet = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    govscore: Type.Optional(Type.Literal(1, { description: 'Language version.' })),
    id: Id,
    version: Type.Optional(Type.String()),
    title: LangText,
    description: Type.Optional(LangText),
    authors: Type.Optional(Type.Array(Type.String())),
    licence: Type.Optional(Type.String()),
    unit: Type.Optional(Type.String({ description: 'Kind of unit assessed: province, city, country.' })),
    period: Type.Optional(Type.String()),
    languages: Type.Optional(
      Type.Array(Type.String(), { minItems: 1, description: 'First is the default.' }),
    ),
    illustrative: Type.Optional(Type.Boolean({ description: 'The bundled data are illustrative only.' })),
    methodology: Type.Optional(Methodology),
    templates: Type.Optional(
      Type.Record(Type.String(), LangText, { description: 'Handlebars templates for narrative text.' }),
    ),
    data: Type.Optional(DataMapping),
    lists: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }),
        Type.Array(ListItem, { minItems: 1 }),
        {
          description: 'Named lists of items that `repeat` makes nodes from.',
        },
      ),
    ),
    tree: TreeNode,
  },
  { additionalProperties: false, $id: 'https://govscore.dev/schema/indicator-set.schema.json' },
);
export type IndicatorSet = Static<typeof IndicatorSet>;

/** @internal All schemas ajv needs. */
export const schemas: TSchema[] = [IndicatorSet];
