/**
 * Words of the report site in Chinese and English, and number formatting. Every key exists in both
 * languages (TypeScript checks it). A site language other than zh/en uses the English words.
 */
import { formatFixed, type LangText } from '@govscore/core';

export type UiLang = 'zh' | 'en';

const words = {
  skip: { zh: '跳到正文', en: 'Skip to content' },
  siteNav: { zh: '网站导航', en: 'Site navigation' },
  languages: { zh: '语言', en: 'Languages' },
  langName: { zh: '中文', en: 'English' },
  overview: { zh: '概览', en: 'Overview' },
  ranking: { zh: '排名', en: 'Ranking' },
  dimensions: { zh: '维度', en: 'Dimensions' },
  dimension: { zh: '维度', en: 'Dimension' },
  profiles: { zh: '地区画像', en: 'Profiles' },
  profile: { zh: '画像', en: 'Profile' },
  methodology: { zh: '方法说明', en: 'Methodology' },
  robustness: { zh: '稳健性', en: 'Robustness' },
  downloads: { zh: '数据下载', en: 'Downloads' },
  whatif: { zh: '权重模拟', en: 'What if' },
  illustrative: {
    zh: '示例数据，不代表真实评估结果。',
    en: 'Illustrative data, not real assessment results (示例数据，不代表真实评估结果).',
  },
  noticeLabel: { zh: '提示', en: 'Notice' },
  year: { zh: '年份', en: 'Year' },
  region: { zh: '地区', en: 'Region' },
  regions: { zh: '地区', en: 'Regions' },
  score: { zh: '得分', en: 'Score' },
  rank: { zh: '排名', en: 'Rank' },
  tier: { zh: '等级', en: 'Tier' },
  group: { zh: '分组', en: 'Group' },
  groupRank: { zh: '组内排名', en: 'Rank in group' },
  change: { zh: '较上年变化', en: 'Change since last year' },
  rankChange: { zh: '排名变化', en: 'Rank change' },
  scoreChange: { zh: '得分变化', en: 'Score change' },
  prevRank: { zh: '上年排名', en: 'Rank last year' },
  prevScore: { zh: '上年得分', en: 'Score last year' },
  rankInterval: { zh: '排名区间（5%–95%）', en: 'Rank interval (5th–95th percentile)' },
  medianRank: { zh: '中位排名', en: 'Median rank' },
  count: { zh: '数量', en: 'Count' },
  share: { zh: '占比', en: 'Share' },
  all: { zh: '全部', en: 'All' },
  filter: { zh: '筛选', en: 'Filter' },
  sortBy: { zh: '按此列排序', en: 'Sort by this column' },
  shown: { zh: '显示', en: 'Showing' },
  of: { zh: '/', en: 'of' },
  headline: { zh: '排名前列', en: 'Top of the ranking' },
  fullRanking: { zh: '完整排名', en: 'Full ranking' },
  tierCounts: { zh: '各等级数量', en: 'Units per tier' },
  distribution: { zh: '得分分布', en: 'Distribution of scores' },
  map: { zh: '分布图', en: 'Map' },
  keyChanges: { zh: '较上年主要变化', en: 'Key changes since last year' },
  movers: { zh: '排名变化最大的地区', en: 'Largest rank changes' },
  tierMoves: { zh: '等级变化', en: 'Tier changes' },
  noPrevious: { zh: '只有一个年份的数据，无法比较。', en: 'Only one year of data: nothing to compare.' },
  noChanges: { zh: '无变化。', en: 'No changes.' },
  up: { zh: '上升', en: 'up' },
  down: { zh: '下降', en: 'down' },
  same: { zh: '不变', en: 'unchanged' },
  newEntry: { zh: '新增', en: 'new' },
  indicators: { zh: '指标', en: 'Indicators' },
  indicator: { zh: '指标', en: 'Indicator' },
  node: { zh: '指标/维度', en: 'Node' },
  level: { zh: '层级', en: 'Level' },
  weight: { zh: '权重', en: 'Weight' },
  localWeight: { zh: '同级权重', en: 'Weight among siblings' },
  effectiveWeight: { zh: '有效权重', en: 'Effective weight' },
  repeatedLike: {
    zh: '另有 {n} 项同样结构（按 {over} 重复）',
    en: '{n} more like it (repeated over {over})',
  },
  direction: { zh: '方向', en: 'Direction' },
  higher: { zh: '越高越好', en: 'higher is better' },
  lower: { zh: '越低越好', en: 'lower is better' },
  unit: { zh: '单位', en: 'Unit' },
  source: { zh: '数据来源', en: 'Source' },
  sources: { zh: '数据来源', en: 'Data sources' },
  description: { zh: '说明', en: 'Description' },
  method: { zh: '方法', en: 'Method' },
  methods: { zh: '使用的方法', en: 'Methods used' },
  step: { zh: '步骤', en: 'Step' },
  parameters: { zh: '参数', en: 'Parameters' },
  appliesTo: { zh: '适用于', en: 'Applies to' },
  normalise: { zh: '标准化', en: 'Normalisation' },
  aggregate: { zh: '汇总', en: 'Aggregation' },
  treat: { zh: '异常值处理', en: 'Outlier treatment' },
  impute: { zh: '缺失值插补', en: 'Imputation' },
  rescale: { zh: '重新缩放', en: 'Rescaling' },
  coverage: { zh: '最低数据覆盖率', en: 'Least data coverage' },
  tree: { zh: '指标体系', en: 'Indicator framework' },
  tiersDef: { zh: '等级划分', en: 'Tiers' },
  ranksDef: { zh: '排名规则', en: 'Ranking rule' },
  tiesCompetition: {
    zh: '并列时采用竞争排名（1、2、2、4）',
    en: 'ties share a rank and the next rank is skipped (1, 2, 2, 4)',
  },
  tiesDense: {
    zh: '并列时采用密集排名（1、2、2、3）',
    en: 'ties share a rank and no rank is skipped (1, 2, 2, 3)',
  },
  roundedTo: { zh: '排名前得分保留小数位数', en: 'scores rounded before ranking to decimals' },
  withinGroup: { zh: '另按分组排名', en: 'also ranked within each group of' },
  threshold: { zh: '门槛', en: 'Threshold' },
  lowerBound: { zh: '下限', en: 'Lower bound' },
  quantileBound: { zh: '分位数下限', en: 'Lower quantile' },
  vetoTier: { zh: '单项否决', en: 'Veto' },
  provenance: { zh: '数据与版本', en: 'Provenance' },
  setVersion: { zh: '指标体系版本', en: 'Indicator set version' },
  engine: { zh: '计算引擎', en: 'Engine' },
  setHash: { zh: '指标体系哈希', en: 'Indicator set hash' },
  dataHash: { zh: '数据哈希', en: 'Data hash' },
  warnings: { zh: '计算提示', en: 'Warnings from the assessment' },
  screenedOut: { zh: '未纳入评估的地区', en: 'Units left out by screening' },
  reason: { zh: '原因', en: 'Reason' },
  strengths: { zh: '优势指标', en: 'Strengths' },
  weaknesses: { zh: '弱项指标', en: 'Weaknesses' },
  none: { zh: '无', en: 'None' },
  notComputed: { zh: '未计算', en: 'Not computed' },
  noData: { zh: '无数据', en: 'No data' },
  average: { zh: '平均', en: 'Average' },
  peerAverage: { zh: '同组平均', en: 'Peer group average' },
  allLevels: { zh: '各层级得分与排名', en: 'Score and rank at every level' },
  vsAverage: { zh: '与平均水平及同组比较', en: 'Against the average and the peer group' },
  narrative: { zh: '综述', en: 'Summary' },
  value: { zh: '原始值', en: 'Raw value' },
  normalised: { zh: '标准化得分', en: 'Normalised score' },
  imputed: { zh: '插补', en: 'imputed' },
  missing: { zh: '缺失', en: 'missing' },
  dataCoverage: { zh: '数据覆盖', en: 'Data coverage' },
  coverageNote: {
    zh: '有数据的子项数 / 子项总数（其权重占比）；缺失的子项跳过，其余子项的权重重新归一。',
    en: 'Children with data of all children (their share of the weight); a missing child is skipped and the weights of the others renormalised.',
  },
  dataTable: { zh: '数据表', en: 'Data table' },
  chartData: { zh: '图表数据', en: 'Data of the chart' },
  intervalsTitle: { zh: '排名区间', en: 'Rank intervals' },
  intervalsNone: {
    zh: '未进行不确定性分析，排名区间未计算。',
    en: 'No uncertainty analysis was run: rank intervals were not computed.',
  },
  sensitivityTitle: { zh: '敏感性指数', en: 'Sensitivity indices' },
  sensitivityNone: {
    zh: '未进行敏感性分析，敏感性指数未计算。',
    en: 'No sensitivity analysis was run: sensitivity indices were not computed.',
  },
  robustnessIntro: {
    zh: '排名区间表示在合理范围内改变方法假设（权重、标准化、汇总等）时，排名的5%至95%分位数。',
    en: 'A rank interval shows the 5th to 95th percentile of a rank when the methodological assumptions (weights, normalisation, aggregation...) vary within plausible bounds.',
  },
  assumption: { zh: '假设', en: 'Assumption' },
  firstOrder: { zh: '一阶指数', en: 'First-order index' },
  totalOrder: { zh: '总效应指数', en: 'Total index' },
  nominal: { zh: '名义排名', en: 'Nominal rank' },
  file: { zh: '文件', en: 'File' },
  format: { zh: '格式', en: 'Format' },
  size: { zh: '大小', en: 'Size' },
  resultJson: { zh: '完整评估结果（JSON）', en: 'Full Result (JSON)' },
  longCsv: { zh: '长表（CSV）：每个地区每个指标一行', en: 'Long table (CSV): one row per region and node' },
  wideCsv: { zh: '宽表（CSV）：每个地区一行', en: 'Wide table (CSV): one row per region' },
  xlsx: { zh: '工作簿（XLSX）：长表、宽表、指标', en: 'Workbook (XLSX): long, wide and nodes sheets' },
  xlsxNoLong: {
    zh: '工作簿（XLSX）：宽表、指标（长表过大，仅提供 CSV）',
    en: 'Workbook (XLSX): wide and nodes sheets (the long table is too large: CSV only)',
  },
  setYaml: { zh: '指标体系（YAML）', en: 'Indicator set (YAML)' },
  whatifIntro: {
    zh: '拖动滑块改变各维度权重，排名将在浏览器中由 govscore 引擎重新计算。其他所有页面使用发布的权重。',
    en: 'Move the sliders to change the weight of each dimension: the ranking is recomputed in your browser by the govscore engine. Every other page uses the published weights.',
  },
  whatifNoJs: {
    zh: '此页面需要启用 JavaScript。下表为按发布权重计算的排名。',
    en: 'This page needs JavaScript. The table below is the ranking with the published weights.',
  },
  whatifReset: { zh: '恢复发布的权重', en: 'Reset to published weights' },
  whatifWeights: { zh: '维度权重', en: 'Dimension weights' },
  whatifNewRank: { zh: '模拟排名', en: 'Simulated rank' },
  whatifNewScore: { zh: '模拟得分', en: 'Simulated score' },
  whatifPublished: { zh: '发布排名', en: 'Published rank' },
  whatifStatus: { zh: '已按新权重重新计算。', en: 'Recomputed with the new weights.' },
  whatifOnly: {
    zh: '模拟结果仅供参考，不是发布的评估结果。',
    en: 'Simulated results are for exploration only; they are not the published assessment.',
  },
  publisher: { zh: '发布单位', en: 'Publisher' },
  builtWith: { zh: '由 govscore 生成', en: 'Built with govscore' },
  chooseLanguage: { zh: '选择语言', en: 'Choose a language' },
  rankOfN: { zh: '第 {rank} 名（共 {n} 个）', en: '{rank} of {n}' },
  sinceYear: { zh: '与 {year} 年相比', en: 'Compared with {year}' },
  unitsAssessed: { zh: '评估地区数', en: 'Units assessed' },
  reportYear: { zh: '评估年份', en: 'Assessment year' },
  topUnit: { zh: '第一名', en: 'First' },
  medianScore: { zh: '中位得分', en: 'Median score' },
  keyFigures: { zh: '主要数据', en: 'Key figures' },
  backToTop: { zh: '返回顶部', en: 'Back to top' },
  allRegions: { zh: '全部地区', en: 'All regions' },
  inTier: { zh: '等级', en: 'tier' },
  subclass: { zh: '细分等级', en: 'Rating class' },
  higherIsBetter: { zh: '方向', en: 'Direction' },
  children: { zh: '下级', en: 'Children' },
  logo: { zh: '标志', en: 'Logo' },
  print: { zh: '打印', en: 'Print' },
  mapTiles: {
    zh: '省级行政区方块图：每个方块代表一个省级行政区，位置近似其地理方位，不表示边界。',
    en: 'Tile map: one tile per province, placed roughly where it lies; no boundaries are drawn.',
  },
  mapWorld: { zh: '世界地图（Natural Earth 边界）', en: 'World map (Natural Earth boundaries)' },
  assumptionsTitle: { zh: '不确定的方法假设', en: 'Assumptions varied' },
  replications: { zh: '蒙特卡洛模拟 {n} 次。', en: '{n} Monte Carlo replications.' },
  sensitivityOutput: { zh: '分析对象', en: 'Output analysed' },
  statShift: { zh: '排名平均绝对变化', en: 'mean absolute rank shift' },
  statRank: { zh: '排名', en: 'rank' },
  statScore: { zh: '得分', en: 'score' },
  mapGeo: { zh: '地图（发布单位提供的边界）', en: 'Map (boundaries supplied by the publisher)' },
  approval: { zh: '审图号：', en: 'Map approval No.: ' },
  heatmap: { zh: '各维度得分热力图', en: 'Dimension scores: heatmap' },
  indexWord: { zh: '总指数', en: 'Index' },
  subDimension: { zh: '子维度', en: 'Sub-dimension' },
  perNode: { zh: '各指标不同，见指标体系表', en: 'differ by node: see the framework table' },
  prevYearCount: { zh: '上年数量', en: 'Last year' },
  min: { zh: '最低', en: 'Lowest' },
  q1: { zh: '下四分位', en: 'Lower quartile' },
  median: { zh: '中位数', en: 'Median' },
  q3: { zh: '上四分位', en: 'Upper quartile' },
  max: { zh: '最高', en: 'Highest' },
} as const satisfies Record<string, Record<UiLang, string>>;

export type WordKey = keyof typeof words;

/** The UI language used for a site language: zh for Chinese variants, en otherwise. */
export function uiLang(lang: string): UiLang {
  return lang === 'zh' || lang.startsWith('zh-') ? 'zh' : 'en';
}

/**
 * The word for `key` in `lang`, with `{name}` placeholders filled from `vars`.
 * @example t('rankOfN', 'en', { rank: 3, n: 31 }) // '3 of 31'
 */
export function t(key: WordKey, lang: string, vars?: Record<string, string | number>): string {
  let s: string = words[key][uiLang(lang)];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

/**
 * Text of a LangText in `lang`: the language itself, then English, Chinese, then the first given;
 * `fallback` when there is none.
 */
export function pick(text: LangText | undefined, lang: string, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  return text[lang] ?? text['en'] ?? text['zh'] ?? Object.values(text)[0] ?? fallback;
}

/** Name of a language in itself. */
export function languageName(lang: string): string {
  if (uiLang(lang) === 'zh' && lang.startsWith('zh')) return '中文';
  const names: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español', de: 'Deutsch' };
  return names[lang] ?? lang;
}

/**
 * A number for display: fixed decimals (rounded half away from zero, as ranks round), a true minus
 * sign, '–' for missing. Deterministic (no locale lookups: the same output in every environment).
 * @example fmt(96.666, 1) // '96.7'; fmt(null) // '–'
 */
export function fmt(x: number | null | undefined, decimals = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  // rounded half away from zero as ranks are (core's formatFixed): 88.545 → 88.55, not toFixed's 88.54
  const s = formatFixed(x, decimals);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

/** A signed change: '+3', '−2', '0'; '–' for missing. */
export function signed(x: number | null | undefined, decimals = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = formatFixed(x, decimals);
  if (Number(s) === 0) return (0).toFixed(decimals);
  return s.startsWith('-') ? `−${s.slice(1)}` : `+${s}`;
}

/** A rank interval as text: '3–7'; '–' when missing. */
export function range(lo: number | null | undefined, hi: number | null | undefined): string {
  if (lo === null || lo === undefined || hi === null || hi === undefined) return '–';
  return fmt(lo, 0) + '–' + fmt(hi, 0);
}

/** ' (2024)' after a caption when there is a year, else ''. */
export function yearSuffix(year: number | undefined | null): string {
  return year === undefined || year === null ? '' : ' (' + year + ')';
}

/** A share as a percentage with one decimal: 0.125 → '12.5%'. */
export function pct(x: number | null | undefined, decimals = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${fmt(x * 100, decimals)}%`;
}
