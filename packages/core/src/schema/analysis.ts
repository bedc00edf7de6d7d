/**
 * The analysis language: the assumptions of an uncertainty or sensitivity analysis and the options of
 * `analyse`, written in YAML (`govscore analyse … --assumptions analysis.yaml`) or in code. One TypeBox
 * definition: JSON Schema (validated by ajv in `parseAnalysisSpec`) and TypeScript types.
 */
import { type Static, Type } from '@sinclair/typebox';
import { AggregateSpec, Id, ImputeSpec, NormaliseSpec, TreatSpec } from './indicator-set';

const common = {
  id: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'Name of the assumption in the output (default: its type).',
    }),
  ),
};

const NodeIds = (what: string) => Type.Array(Id, { minItems: 1, description: what });
const Levels = Type.Array(Type.Integer({ minimum: 1 }), {
  minItems: 1,
  description:
    'Levels of the tree, as COINr counts them: 1 = indicators, 2 = their parents, … up to the index.',
});

export const WeightsAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('weights'),
    factor: Type.Number({
      minimum: 0,
      maximum: 1,
      description:
        'Each chosen weight w becomes w·(1 + factor·(2u − 1)), u uniform on [0, 1): 0.25 is ±25% (COINr get_noisy_weights).',
    }),
    levels: Type.Optional(Levels),
    nodes: Type.Optional(NodeIds('Nodes whose weights vary (default: every node but the root).')),
  },
  { additionalProperties: false, description: 'Weights perturbed by a factor.' },
);
export type WeightsAssumption = Static<typeof WeightsAssumption>;

export const NormaliseAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('normalise'),
    choices: Type.Array(NormaliseSpec, {
      minItems: 1,
      description: 'Normalisations to choose from, each as likely.',
    }),
    indicators: Type.Optional(NodeIds('Indicators it applies to (default: all).')),
  },
  { additionalProperties: false, description: 'A choice between normalisation methods.' },
);
export type NormaliseAssumption = Static<typeof NormaliseAssumption>;

export const AggregateAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('aggregate'),
    choices: Type.Array(AggregateSpec, { minItems: 1, description: 'Aggregation methods to choose from.' }),
    nodes: Type.Optional(NodeIds('Aggregates it applies to (default: all).')),
  },
  { additionalProperties: false, description: 'A choice between aggregation methods.' },
);
export type AggregateAssumption = Static<typeof AggregateAssumption>;

export const ImputeAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('impute'),
    choices: Type.Array(ImputeSpec, {
      minItems: 1,
      description: 'Imputations to choose from; {method: none} is imputation off.',
    }),
    indicators: Type.Optional(NodeIds('Indicators it applies to (default: all).')),
  },
  { additionalProperties: false, description: 'A choice between imputation methods (or none).' },
);
export type ImputeAssumption = Static<typeof ImputeAssumption>;

export const TreatAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('treat'),
    max_points: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0 }), {
        minItems: 1,
        description:
          "Winsorising limits to choose from (COINr winmax): each indicator keeps its own treatment with max_points changed; one without a treatment gets COINr's default winsorising.",
      }),
    ),
    choices: Type.Optional(Type.Array(TreatSpec, { minItems: 1, description: 'Treatments to choose from.' })),
    indicators: Type.Optional(NodeIds('Indicators it applies to (default: all).')),
  },
  {
    additionalProperties: false,
    description: 'Outlier treatment: a winsorising limit or a choice of treatments.',
  },
);
export type TreatAssumption = Static<typeof TreatAssumption>;

export const ExcludeAssumption = Type.Object(
  {
    ...common,
    type: Type.Literal('exclude'),
    nodes: Type.Optional(NodeIds('Nodes (indicators or aggregates) of which one may be left out.')),
    levels: Type.Optional(Levels),
    keep_all: Type.Optional(
      Type.Boolean({ description: 'Whether leaving none out is one of the choices (default true).' }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Leave one node out (its parent aggregates without it), or none.',
  },
);
export type ExcludeAssumption = Static<typeof ExcludeAssumption>;

/** One uncertain assumption; `type` says which. */
export const Assumption = Type.Union(
  [
    WeightsAssumption,
    NormaliseAssumption,
    AggregateAssumption,
    ImputeAssumption,
    TreatAssumption,
    ExcludeAssumption,
  ],
  { description: 'An uncertain assumption of the model.' },
);
export type Assumption = Static<typeof Assumption>;

/** The assumption schemas by type (for focused validation messages). */
export const assumptionSchemas = {
  weights: WeightsAssumption,
  normalise: NormaliseAssumption,
  aggregate: AggregateAssumption,
  impute: ImputeAssumption,
  treat: TreatAssumption,
  exclude: ExcludeAssumption,
} as const;

const Seed = Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Seed of the random numbers.' });

export const OutputStatistic = Type.Object(
  {
    node: Type.Optional(Id),
    statistic: Type.Optional(
      Type.Union([Type.Literal('mean_abs_rank_shift'), Type.Literal('rank'), Type.Literal('score')], {
        description:
          'mean_abs_rank_shift: mean over units of |rank − nominal rank| of the node (default); rank or score: of one unit.',
      }),
    ),
    unit: Type.Optional(Type.String({ description: 'Unit id for statistic rank or score.' })),
  },
  { additionalProperties: false, description: 'What the sensitivity indices explain.' },
);
export type OutputStatistic = Static<typeof OutputStatistic>;

export const UncertaintySpec = Type.Object(
  {
    replications: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'Default 1000.' }),
    ),
    seed: Type.Optional(Seed),
    nodes: Type.Optional(NodeIds('Nodes whose ranks are summarised (default: every aggregate).')),
  },
  { additionalProperties: false },
);
export type UncertaintySpec = Static<typeof UncertaintySpec>;

export const SensitivitySpec = Type.Object(
  {
    n: Type.Optional(
      Type.Integer({
        minimum: 2,
        maximum: 10_000_000,
        description: 'Base sample size N; N·(d + 2) runs (default 1000).',
      }),
    ),
    seed: Type.Optional(Seed),
    bootstrap: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Bootstrap resamples for the intervals (default 1000).' }),
    ),
    confidence: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        exclusiveMaximum: 1,
        description: 'Level of the intervals (default 0.95).',
      }),
    ),
    output: Type.Optional(OutputStatistic),
  },
  { additionalProperties: false },
);
export type SensitivitySpec = Static<typeof SensitivitySpec>;

export const AnalysisSpec = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    seed: Type.Optional(Seed),
    assumptions: Type.Optional(Type.Array(Assumption, { description: 'The uncertain assumptions.' })),
    uncertainty: Type.Optional(UncertaintySpec),
    sensitivity: Type.Optional(SensitivitySpec),
    stats: Type.Optional(
      Type.Object(
        {
          stage: Type.Optional(
            Type.Union([
              Type.Literal('raw'),
              Type.Literal('prepared'),
              Type.Literal('treated'),
              Type.Literal('score'),
            ]),
          ),
          coverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          skew: Type.Optional(Type.Number({ minimum: 0 })),
          kurtosis: Type.Optional(Type.Number()),
          zeros: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          unique: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
          collinear: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        },
        {
          additionalProperties: false,
          description: 'Indicator statistics: values used and flag thresholds.',
        },
      ),
    ),
    correlation: Type.Optional(Type.Union([Type.Literal('pearson'), Type.Literal('spearman')])),
  },
  { additionalProperties: false, $id: 'https://govscore.dev/schema/analysis.schema.json' },
);
export type AnalysisSpec = Static<typeof AnalysisSpec>;
