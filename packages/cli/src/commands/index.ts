/**
 * The registry of commands, by name.
 */
import type { Io } from '../output';
import { analyse } from './analyse';
import { assess } from './assess';
import { compare } from './compare';
import { init } from './init';
import { report } from './report';
import { template } from './template';
import { validate } from './validate';

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const commands: Record<string, Command> = { validate, assess, analyse, compare, report };
// the evaluator's workflow
commands['init'] = init;
commands['template'] = template;
