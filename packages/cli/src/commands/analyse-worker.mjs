// A worker thread of `govscore analyse`: runs chunks of an uncertainty analysis on the memory the main
// thread shares (SharedArrayBuffers), then reports the first failure it met. It compiles the same plan
// from the set and data it is sent, so that both threads run the same replications.
import { parentPort, workerData } from 'node:worker_threads';
import * as core from '@govscore/core';

const { set, data, year, assumptions, job } = workerData;
try {
  const plan = core.compile(set, data, year === undefined ? {} : { year });
  const failure = core.runUncertaintyJob(plan, assumptions, job);
  parentPort?.postMessage({ ok: true, failure });
} catch (e) {
  parentPort?.postMessage({ ok: false, message: String(e?.stack ?? e) });
}
