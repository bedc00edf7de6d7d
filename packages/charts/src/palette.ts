/**
 * Colours that colour-blind readers can tell apart: Okabe & Ito's eight categorical colours and
 * viridis for ordered things (tiers, scores). Tiers also always carry a text label or a pattern.
 *
 * Reference: Okabe, M. & Ito, K. (2008) "Color Universal Design"; viridis: van der Walt & Smith (2015),
 * the stops of matplotlib's `viridis` at 0, 0.1, ..., 1.
 */

/** Okabe–Ito categorical colours (black first). */
export const okabeIto = [
  '#000000',
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
] as const;

/** Categorical series colours in the order used for lines and groups (Okabe–Ito without yellow/black). */
export const series = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;

/** Colour of the unit a chart highlights, of the average and of the peer group. */
export const roles = { unit: '#D55E00', average: '#0072B2', peers: '#009E73', other: '#A0A0A0' } as const;

/** Colour of "no data" and of the veto tier. */
export const missing = '#D9D9D9';
export const vetoColor = '#7F7F7F';

const viridisStops = [
  '#440154',
  '#482475',
  '#414487',
  '#355f8d',
  '#2a788e',
  '#21918c',
  '#22a884',
  '#44bf70',
  '#7ad151',
  '#bddf26',
  '#fde725',
] as const;

function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full =
    h.length === 3
      ? h
          .split('')
          .map((c) => c + c)
          .join('')
      : h;
  return [
    Number.parseInt(full.slice(0, 2), 16),
    Number.parseInt(full.slice(2, 4), 16),
    Number.parseInt(full.slice(4, 6), 16),
  ];
}

function rgbToHex(r: number, g: number, b: number): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

/**
 * Viridis at `t` in [0, 1], linear in RGB between the 11 published stops.
 * @example viridis(0) // '#440154'; viridis(0.05) // halfway between #440154 and #482475: '#461365'
 */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * 10;
  const i = Math.min(9, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(viridisStops[i]!);
  const b = hexToRgb(viridisStops[i + 1]!);
  return rgbToHex(a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f);
}

/**
 * `n` ordered colours for tiers, best first: viridis from 0.15 (dark blue-purple) to 0.85 (green-yellow),
 * evenly spaced; one tier gets the middle colour.
 */
export function tierPalette(n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [viridis(0.5)];
  return Array.from({ length: n }, (_, i) => viridis(0.15 + (0.7 * i) / (n - 1)));
}

/** `n` sequential colours for binned scores, lowest first (viridis 0.9 → 0.1 reversed: low = light). */
export function binPalette(n: number): string[] {
  return tierPalette(n).reverse();
}

/**
 * Relative luminance (WCAG 2.1) of a `#rrggbb` colour, 0 (black) to 1 (white).
 * @example luminance('#ffffff') // 1
 */
export function luminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white, whichever contrasts more with `background` (WCAG contrast ratio). */
export function textOn(background: string): '#000000' | '#ffffff' {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** True when `s` is a `#rgb` or `#rrggbb` colour (tier colours given in the YAML). */
export function isHexColor(s: string | undefined): s is string {
  return s !== undefined && /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(s);
}

/**
 * SVG patterns that set tiers apart without colour: index 0 none, then diagonal hatch, dots, cross-hatch,
 * horizontal lines, vertical lines (cycling). Ids are `tier-pattern-<i>`; `toSvg` prefixes them.
 */
export function tierPatternDefs(n: number): string {
  const bodies = [
    '<path d="M0,6 L6,0" stroke="#000" stroke-opacity="0.45" stroke-width="1"/>',
    '<circle cx="3" cy="3" r="1" fill="#000" fill-opacity="0.45"/>',
    '<path d="M0,6 L6,0 M0,0 L6,6" stroke="#000" stroke-opacity="0.4" stroke-width="0.8"/>',
    '<path d="M0,3 L6,3" stroke="#000" stroke-opacity="0.45" stroke-width="1"/>',
    '<path d="M3,0 L3,6" stroke="#000" stroke-opacity="0.45" stroke-width="1"/>',
  ];
  let out = '';
  for (let i = 1; i < n; i++) {
    out += `<pattern id="tier-pattern-${i}" patternUnits="userSpaceOnUse" width="6" height="6">${bodies[(i - 1) % bodies.length]}</pattern>`;
  }
  return out;
}

/** `url(#tier-pattern-i)` for tier index i ≥ 1; `null` for the best tier (plain colour). */
export function tierPattern(i: number): string | null {
  return i >= 1 ? `url(#tier-pattern-${i})` : null;
}
