/**
 * `npm run bench`: prints every performance figure the issues set goals for,
 * as numbers and ratios (not pass/fail unit tests). `--scale` adds two
 * smaller scale runs and the 150,000-pod figure extrapolated from them (a few
 * minutes); `--scale-full` runs the full 5,000-node / 150,000-pod size. Modules are imported lazily so a bench
 * whose subsystem is missing reports that instead of crashing the rest.
 */
import { formatLine, type BenchLine } from '../lab-engine/sim/bench/stats';

type Bench = { title: string; load: () => Promise<BenchLine[]> };

const args = new Set(process.argv.slice(2));
const benches: Bench[] = [
  { title: 'engine core (issue 3)', load: async () => (await import('../lab-engine/sim/bench/core.bench')).benchCore({ scale: args.has('--scale'), scaleFull: args.has('--scale-full') }) },
  { title: 'kubectl read side (issue 4)', load: async () => (await import('../lab-engine/kubectl/bench/get.bench')).benchKubectlRead() },
  { title: 'shell lines (issue 4)', load: async () => (await import('../lab-engine/shell/bench/shell.bench')).benchShell() },
  { title: 'network routing and policy (issue 5)', load: async () => (await import('../lab-engine/network/bench/network.bench')).benchNetwork() },
  { title: 'server grading (issue 7)', load: async () => (await import('../lab-engine/lab/bench/grading.bench')).benchGrading() },
];

async function main() {
  console.log(`KubeLab benchmarks — node ${process.version}, ${new Date().toISOString()}`);
  for (const b of benches) {
    console.log(`\n## ${b.title}`);
    try {
      for (const line of await b.load()) console.log(formatLine(line));
    } catch (e) {
      console.log(`  failed: ${(e as Error).stack?.split('\n').slice(0, 3).join(' | ')}`);
    }
  }
}

void main();
