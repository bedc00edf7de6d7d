/**
 * Progress of a long-running command on stderr: a bar redrawn in place on a terminal, one plain line
 * per step otherwise (logs, CI), and nothing at all with `--quiet` or `--json` (stdout stays clean
 * for scripts).
 */
import { type Io, printable } from './output';

export interface Progress {
  /** Starts the next step (1-based count up to `total`). */
  step(label: string): void;
  /** Ends the progress: clears the bar on a terminal. */
  done(): void;
}

const silent: Progress = { step() {}, done() {} };

/**
 * A progress reporter for a command with `total` steps.
 *
 * @param io where to write: `io.tty` (a terminal) gets a bar, `io.err` plain lines
 * @param opts the command, the number of steps, and `quiet`/`json` (either: no output)
 * @example const p = progress(io, { command: 'assess', total: 4 }); p.step('reading the data'); p.done();
 */
export function progress(
  io: Io,
  opts: { command: string; total: number; quiet?: boolean | undefined; json?: boolean | undefined },
): Progress {
  if (opts.quiet || opts.json) return silent;
  let k = 0;
  const tty = io.tty;
  if (!tty) {
    return {
      step(label) {
        k++;
        io.err(`govscore ${opts.command}: [${k}/${opts.total}] ${printable(label)}`);
      },
      done() {},
    };
  }
  return {
    step(label) {
      k++;
      const width = 20;
      const filled = Math.round((width * Math.min(k, opts.total)) / opts.total);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const line = `${bar} ${k}/${opts.total} ${printable(label)}`;
      tty.write(`\r\x1b[K${line.slice(0, Math.max(10, tty.columns - 1))}`);
    },
    done() {
      tty.write('\r\x1b[K');
    },
  };
}
