import { describe, expect, it } from 'vitest';
import { addNodes, bareCluster, finishPod, runPod } from '../testing/fixture';
import { R } from '../common/kinds';
import { PodGcController } from './controller';

describe('pod GC', () => {
  it('force-deletes pods of a deleted node after the quarantine, marking them Failed', () => {
    const c = bareCluster();
    addNodes(c, [{ name: 'node01' }]);
    const p = runPod(c, c.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }));
    c.api().delete(c.registry.resolve('nodes')!, '', 'node01');
    const seen: string[] = [];
    c.store.watch((e) => e.object.metadata.name === 'web' && seen.push(`${e.type} ${e.object.status?.phase} ${e.object.status?.conditions?.at(-1)?.reason ?? ''}`), { resource: R.pods });
    c.advance(40_000);
    expect(c.store.peek(R.pods, 'default', p.metadata.name!)).toBeDefined();
    c.advance(20_000);
    expect(c.store.peek(R.pods, 'default', p.metadata.name!)).toBeUndefined();
    expect(seen.slice(0, 1)).toEqual(['MODIFIED Failed DeletionByPodGC']);
  });

  it('keeps at most the threshold of terminated pods, deleting the oldest', () => {
    const c = bareCluster();
    new PodGcController(c, 2); // a second GC with a low threshold; the default one (12 500) does nothing here
    for (const name of ['a', 'b', 'c']) {
      const p = c.api().create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
      finishPod(c, p, 'Succeeded');
      c.advance(1000);
    }
    addNodes(c, [{ name: 'node01' }]);
    c.advance(20_000);
    expect(c.store.peekList(R.pods, 'default').map((p) => p.metadata.name)).toEqual(['b', 'c']);
  });
});
