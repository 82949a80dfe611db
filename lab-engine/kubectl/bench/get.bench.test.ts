import { it, expect } from 'vitest';
import { benchKubectlRead } from './get.bench';
import { formatLine } from '../../sim/bench/stats';

it('prints the kubectl read-side figures', async () => {
  const lines = await benchKubectlRead();
  for (const l of lines) console.log(formatLine(l));
  expect(lines.find((l) => l.name.startsWith('kubectl get pods (100 pods) p50'))!.value).toBeLessThan(5);
}, 120_000);
