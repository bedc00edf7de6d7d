/**
 * Rendering cost of every chart: median milliseconds of build + `toSvg` per chart (Chinese), first
 * render (no compiled spec cached) and repeated render (the compiled spec of the same structure cached,
 * as on the 2nd…nth page of a report), and of the set of charts on one region's profile page (profile
 * dots, radar, distribution, rank interval, trend) taken over the regions in turn. Target: under 15 ms
 * per chart. Inputs: the bundled samples assessed by the engine (31 provinces, 193 countries), else the
 * fixtures. Plain script: `tsx packages/charts/bench/charts.bench.ts [runs]`.
 */
import { cpus, loadavg } from 'node:os';
import { catalogue } from '../scripts/catalogue';
import { loadInputs } from '../scripts/inputs';
import { clearRenderCache, toSvg } from '../src/index';

const runs = Number(process.argv[2] ?? 30);
const warmup = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median wall-clock and CPU milliseconds of `f(i)`. CPU time (user + system of this process) is the
 * steadier figure on a shared machine: it leaves out time spent waiting for a core.
 */
async function time(
  f: (i: number) => Promise<unknown>,
  before?: () => void,
): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < warmup; i++) {
    before?.();
    await f(i);
  }
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await f(i);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const { inputs, source } = await loadInputs('charts bench');
const entries = catalogue(inputs);
console.log(`charts bench: median of ${runs} runs after ${warmup} warm-up; ${source}`);
const rows: { id: string; first: { wall: number; cpu: number }; again: { wall: number; cpu: number } }[] = [];
for (const e of entries) {
  const render = () => toSvg(e.build('zh'), { idPrefix: e.id });
  const first = await time(render, clearRenderCache);
  const again = await time(render);
  rows.push({ id: e.id, first, again });
}
// a profile page per region, regions in turn (the compiled specs of earlier pages cached)
const unitIds = inputs.result.units.map((u) => u.id);
const pages = unitIds.map((unit) => catalogue({ ...inputs, unit }).filter((e) => e.profile));
const page = await time(async (i) => {
  const charts = pages[i % pages.length]!;
  for (const e of charts) await toSvg(e.build('zh'), { idPrefix: e.id });
});
const w = Math.max(...rows.map((r) => r.id.length), 26);
const f = (v: number) => v.toFixed(1).padStart(7);
console.log(`${'chart'.padEnd(w)}   first render      repeated   (ms)`);
console.log(`${''.padEnd(w)}   wall    cpu     wall    cpu`);
for (const r of rows) {
  console.log(`${r.id.padEnd(w)} ${f(r.first.wall)}${f(r.first.cpu)}  ${f(r.again.wall)}${f(r.again.cpu)}`);
}
console.log(
  `${'median per chart'.padEnd(w)} ${f(median(rows.map((r) => r.first.wall)))}${f(median(rows.map((r) => r.first.cpu)))}  ${f(median(rows.map((r) => r.again.wall)))}${f(median(rows.map((r) => r.again.cpu)))}`,
);
console.log(
  `${`profile page (${pages[0]!.length} charts)`.padEnd(w)} ${''.padStart(14)}  ${f(page.wall)}${f(page.cpu)}`,
);
console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores while measuring)`);
