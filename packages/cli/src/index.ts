/**
 * govscore — the command (`main`, as `govscore <command>` runs it) and its atomic file writer.
 *
 * @module govscore
 */
export { writeFileAtomic } from './fs';
export { main, mainHelp } from './main';
