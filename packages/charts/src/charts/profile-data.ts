/**
 * Data of a unit's profile: per node its score, the average of all units, the average of its peer
 * group (units sharing its group value, itself excluded), and the lowest and highest score.
 */
import type { Result } from '@govscore/core';
import { fail } from '../errors';
import { list, paren, t } from '../i18n';
import {
  childrenOf,
  digitsOf,
  meanOf,
  nodeName,
  ranksOf,
  rootNode,
  scoresOf,
  unitIndex,
} from '../result-access';
import { fmt, unitName } from '../text';
import type { BaseOptions, Lang } from '../types';

export interface ProfileOptions extends BaseOptions {
  /** Nodes on the profile (default: the root's children, i.e. the dimensions). */
  nodes?: string[];
  /**
   * Peer group: a group column (`'region'`: units with the same value) or a list of unit ids
   * (default: the unit's first group column, if it has one). The unit itself is never its own peer.
   */
  peers?: string | string[];
  digits?: number;
}

export interface ProfileRow {
  node: string;
  name: string;
  unit: number | null;
  average: number | null;
  peers: number | null;
  min: number | null;
  max: number | null;
  rank: number | null;
}

export interface ProfileData {
  unitId: string;
  unitName: string;
  /** Words naming the peer group (`east`, or the listed units), or null without peers. */
  peerLabel: string | null;
  peerCount: number;
  rows: ProfileRow[];
  digits: number;
}

/**
 * Computes a profile. Average = arithmetic mean of the scores present; peers likewise over the peers.
 * @throws GovscoreError E501 for an unknown unit, node or peer id; E500 for an unknown group column
 */
export function profileData(
  result: Result,
  unitId: string,
  options: ProfileOptions,
  lang: Lang,
): ProfileData {
  const ui = unitIndex(result, unitId);
  const unit = result.units[ui]!;
  const nodeIds = options.nodes ?? childrenOf(result, rootNode(result).id).map((n) => n.id);
  let peerIdx: number[] = [];
  let peerLabel: string | null = null;
  const peers = options.peers ?? Object.keys(unit.groups)[0];
  if (typeof peers === 'string') {
    const value = unit.groups[peers];
    if (value === undefined) {
      if (options.peers !== undefined) {
        fail(
          'E500',
          `unit "${unitId}" has no group "${peers}"`,
          { unit: unitId },
          `use one of its groups: ${Object.keys(unit.groups).join(', ') || '(none)'}`,
        );
      }
    } else {
      peerIdx = result.units.flatMap((u, i) => (i !== ui && u.groups[peers] === value ? [i] : []));
      peerLabel = value;
    }
  } else if (Array.isArray(peers)) {
    peerIdx = peers.filter((id) => id !== unitId).map((id) => unitIndex(result, id));
    peerLabel = list(
      peerIdx.map((i) => unitName(result.units[i]!, lang)),
      lang,
    );
  }
  const rows = nodeIds.map((id) => {
    const s = scoresOf(result, id);
    const r = ranksOf(result, id);
    const present = s.filter((v): v is number => v !== null);
    return {
      node: id,
      name: nodeName(result, id, lang),
      unit: s[ui] ?? null,
      average: meanOf(s),
      peers: peerIdx.length ? meanOf(peerIdx.map((i) => s[i] ?? null)) : null,
      min: present.length ? Math.min(...present) : null,
      max: present.length ? Math.max(...present) : null,
      rank: r[ui] ?? null,
    };
  });
  const digits = options.digits ?? digitsOf(result, nodeIds);
  return {
    unitId,
    unitName: unitName(unit, lang),
    peerLabel: peerIdx.length ? peerLabel : null,
    peerCount: peerIdx.length,
    rows,
    digits,
  };
}

/** Sentences describing a profile, shared by the radar and the dot chart (join with `sentences`). */
export function describeProfile(p: ProfileData, lang: Lang, shape: string): string[] {
  const d = p.digits;
  const head =
    lang === 'zh'
      ? `${p.unitName}在${p.rows.length}个维度上的得分${shape}，与全部地区平均${p.peerLabel !== null ? `和同组（${p.peerLabel}，${p.peerCount}个）平均` : ''}比较`
      : `${shape} of ${p.unitName}'s scores on ${p.rows.length} dimensions against the average of all units${p.peerLabel !== null ? ` and of its peer group (${p.peerLabel}, ${p.peerCount})` : ''}`;
  const per = p.rows.map((r) => {
    const extra = [
      `${t('average', lang)} ${fmt(r.average, d)}`,
      ...(p.peerLabel !== null ? [`${t('peers', lang)} ${fmt(r.peers, d)}`] : []),
    ];
    const rank = r.rank !== null ? (lang === 'zh' ? `第${r.rank}名` : `rank ${r.rank}`) : '';
    return paren(
      `${r.name} ${fmt(r.unit, d)}`,
      [rank, ...extra].filter(Boolean).join(lang === 'zh' ? '，' : ', '),
      lang,
    );
  });
  const diffs = p.rows
    .filter((r) => r.unit !== null && r.average !== null)
    .map((r) => ({ r, d: (r.unit as number) - (r.average as number) }));
  const best = [...diffs].sort((a, b) => b.d - a.d)[0];
  const worst = [...diffs].sort((a, b) => a.d - b.d)[0];
  const rel =
    best && worst && best !== worst
      ? lang === 'zh'
        ? `相对平均最强：${best.r.name}，最弱：${worst.r.name}`
        : `Strongest against the average: ${best.r.name}; weakest: ${worst.r.name}`
      : '';
  return [head, list(per, lang), rel];
}
