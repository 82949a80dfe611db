import { afterEach, describe, expect, it } from 'vitest';
import { setFreezeStoredObjects } from '../../../api/store';
import { FakeHost } from '../../testing/fake-host';

// `kubectl get` lists with `shared: true`: the printers read the stored objects
// themselves, not copies. Stored objects are deep-frozen here, so any printer or
// output path that writes into what it was given throws instead of corrupting the store.
describe('kubectl get reads stored objects without copying them', () => {
  afterEach(() => setFreezeStoredObjects(false));

  it('every output format leaves the stored objects untouched', async () => {
    setFreezeStoredObjects(true);
    const h = new FakeHost();
    expect((await h.run('kubectl create deployment web --image=nginx --replicas=3')).code).toBe(0);
    expect((await h.run('kubectl label ns default team=a')).code).toBe(0);
    await h.sleep(60_000);
    const lines = [
      'kubectl get pods',
      'kubectl get pods -o wide --show-labels',
      'kubectl get pods -L app --sort-by=.metadata.name',
      'kubectl get pods -o yaml',
      'kubectl get pods -o json',
      'kubectl get pods -o name',
      "kubectl get pods -o jsonpath='{.items[*].metadata.name}'",
      'kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName',
      "kubectl get pods -o go-template='{{range .items}}{{.metadata.name}} {{end}}'",
      'kubectl get all -A',
      'kubectl get deploy,rs,pods -l app=web --show-kind',
    ];
    for (const line of lines) {
      const r = await h.run(line);
      expect(r.stderr, line).toBe('');
      expect(r.code, line).toBe(0);
      expect(r.stdout.length, line).toBeGreaterThan(0);
    }
    // The objects printed above are still the store's, unchanged: a second -o json is the same text.
    expect((await h.run('kubectl get pods -o json')).stdout).toBe((await h.run('kubectl get pods -o json')).stdout);
  });
});
