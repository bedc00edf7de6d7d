/**
 * Rater agreement as the CLI prints it: a summary line and the disagreements to adjudicate, with the
 * data's text (unit ids, rater names) made safe for a terminal.
 */
import type { Agreement } from '@govscore/core';
import { printable } from './output';

const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

/**
 * Lines describing an agreement: raters, rule, percent agreement and Krippendorff's alpha overall,
 * then each disagreement (`unit variable: rater=answer, … → final (how)`), at most `limit` of them.
 * @example agreementLines(result.agreement!)[0] // 'raters: li, wang (rule majority): 12 values …'
 */
export function agreementLines(a: Agreement, limit = 20): string[] {
  const o = a.overall;
  const lines = [
    printable(
      `raters: ${a.raters.join(', ')} (rule ${a.rule}): ${o.values} value(s) rated by two or more; percent agreement ${fmt(o.percent)}; Krippendorff's alpha nominal ${fmt(o.alpha_nominal)}, ordinal ${fmt(o.alpha_ordinal)}, interval ${fmt(o.alpha_interval)}`,
    ),
  ];
  if (a.disagreements.length) {
    const unresolved = a.disagreements.filter((d) => d.by === 'unresolved').length;
    lines.push(
      `disagreements: ${a.disagreements.length}${unresolved ? ` (${unresolved} left missing: add the adjudicated answer)` : ''}`,
    );
    for (const d of a.disagreements.slice(0, limit)) {
      const answers = d.answers.map((x) => `${x.rater}=${x.na ? 'n/a' : (x.value ?? '')}`).join(', ');
      const final = d.final_na ? 'not applicable' : d.final === null ? 'missing' : String(d.final);
      lines.push(printable(`  ${d.unit} ${d.variable}: ${answers} → ${final} (${d.by})`));
    }
    if (a.disagreements.length > limit)
      lines.push(
        `  ... and ${a.disagreements.length - limit} more (see agreement.disagreements in the Result)`,
      );
  }
  return lines;
}

/** The agreement in a `--json` summary: raters, rule, overall statistics, counts of disagreements. */
export function agreementSummary(a: Agreement) {
  return {
    raters: a.raters,
    rule: a.rule,
    overall: a.overall,
    disagreements: a.disagreements.length,
    unresolved: a.disagreements.filter((d) => d.by === 'unresolved').length,
  };
}
