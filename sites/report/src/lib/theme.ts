/**
 * The site's colours as CSS: custom properties from the config, one class per tier. Tier ids are
 * indicator-set ids (letters, digits, `_`, `-`) and colours are checked `#rrggbb`, so nothing here can
 * break out of the stylesheet.
 */
import type { ReportModel } from './model';

const HEX = /^#[0-9a-fA-F]{6}$/;
const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Black or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textOn(hex: string): string {
  const c = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  const l = 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** Class name of a tier (`tier-very_high`); `tier-x` for an id that is not a plain id. */
export function tierClass(id: string | null): string {
  return id !== null && ID.test(id) ? `tier-${id}` : 'tier-x';
}

export function themeCss(model: ReportModel): string {
  const lines: string[] = [];
  const c = model.config.colours ?? {};
  const vars: string[] = [];
  if (c.primary && HEX.test(c.primary))
    vars.push(`--primary:${c.primary}`, `--on-primary:${textOn(c.primary)}`);
  if (c.accent && HEX.test(c.accent)) vars.push(`--accent:${c.accent}`);
  if (vars.length) lines.push(`:root{${vars.join(';')}}`);
  for (const t of model.tiers) {
    if (!ID.test(t.id) || !HEX.test(t.color)) continue;
    lines.push(`.tier-${t.id}{--tier:${t.color};--on-tier:${textOn(t.color)}}`);
  }
  return `${lines.join('\n')}\n`;
}
