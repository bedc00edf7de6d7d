/**
 * File output that never leaves a half-written file: write to a temporary file beside the target,
 * flush it to disk, then rename it over the target (atomic on one file system). A failed run leaves the
 * previous output intact.
 *
 * Inside a command run by `main` the renames are staged: every output of the run is written to its
 * temporary file first and all of them are renamed only when the command has finished without an
 * error — so a run that fails half-way (a bad data file, a full disk, a folder in the way) changes none
 * of the previous outputs, not only none of them half-way.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { GovscoreError, problem } from '@govscore/core';

/** Temporary files waiting for their rename, by target; undefined outside a staged run. */
let staged: Map<string, string> | undefined;
let counter = 0;

const reasons: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'no permission to write there',
  EPERM: 'no permission to write there',
  EROFS: 'the file system is read-only',
  EISDIR: 'a folder has that name',
  ENOTDIR: 'a file is in the way of its folder',
  ENAMETOOLONG: 'the name is too long',
};

/** An fs error as a GovscoreError E700 naming the file. */
function outputError(path: string, e: unknown): GovscoreError {
  if (e instanceof GovscoreError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const why = reasons[code] ?? (e as Error).message;
  return new GovscoreError([
    problem(
      'E700',
      `cannot write '${path}': ${why}${code ? ` (${code})` : ''}`,
      { file: path },
      'the previous version of the file, if any, is unchanged; free space, fix the permission or choose another path',
    ),
  ]);
}

/** Removes a temporary file if it is there; never throws (its folder may be what failed). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {}
}

/** Writes `data` to a new file and flushes it to disk. */
function writeDurably(path: string, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(path, 'wx');
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` to `path` through a temporary file and a rename (staged until the command ends, when
 * run by `main`).
 * @throws GovscoreError E700 when the file cannot be written; the previous file is left as it was
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolve(path);
  const tmp = `${target}.tmp-${process.pid}-${++counter}`;
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeDurably(tmp, data);
    if (staged) {
      const before = staged.get(target);
      if (before !== undefined) removeQuietly(before);
      staged.set(target, tmp);
    } else renameSync(tmp, target);
  } catch (e) {
    removeQuietly(tmp);
    throw outputError(path, e);
  }
}

/**
 * Runs `fn` with staged outputs: files written through `writeFileAtomic` get their final names only
 * when `fn` returns; when it throws, their temporary files are removed and no output changes.
 * @throws what `fn` throws; GovscoreError E700 when a staged file cannot be renamed
 */
export async function withStagedOutputs<T>(fn: () => Promise<T>): Promise<T> {
  const outer = staged;
  const mine = new Map<string, string>();
  staged = mine;
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    for (const tmp of mine.values()) removeQuietly(tmp);
    throw e;
  } finally {
    staged = outer;
  }
  // Check every target before renaming any, so that a folder in the way changes nothing.
  for (const target of mine.keys()) {
    let isDir = false;
    try {
      isDir = statSync(target).isDirectory();
    } catch {}
    if (isDir) {
      for (const t of mine.values()) removeQuietly(t);
      throw outputError(target, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
    }
  }
  for (const [target, tmp] of mine) {
    try {
      renameSync(tmp, target);
    } catch (e) {
      for (const t of mine.values()) removeQuietly(t);
      throw outputError(target, e);
    }
  }
  return result;
}
