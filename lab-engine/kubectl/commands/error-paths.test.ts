import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { FakeHost } from '../testing/fake-host';
import { loadDescriptions } from '../../api/openapi';

/** Error texts recorded from kubectl v1.32.4 (tests/kubectl-oracle, scenario "error paths"). */
describe('error paths', () => {
  it('match the real kubectl', async () => {
    await loadDescriptions();
    const h = new FakeHost(createCluster({ seed: 1, topology: 'default' }));
    await h.run('create deployment web --image=nginx:1.27');
    const err = async (line: string) => (await h.run(line)).stderr;
    expect(await err('get pods -o yaml --show-labels')).toBe('error: --show-labels option cannot be used with yaml printer\n');
    expect(await err('get pods -l "app in (a"')).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (a", field selector "": unable to parse requirement: found \'app in (a\', expected: in, notin, =, ==, !=, gt, lt (in selector "app in (a")\n');
    expect(await err('get pods --field-selector=spec.bogus=x')).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.bogus=x": field label not supported: spec.bogus\n');
    expect(await err('delete pods --all --selector=app=web')).toBe("error: setting 'all' parameter but found a non empty selector. \n");
    expect(await err('taint node node01 bad')).toBe('error: at least one taint update is required\n');
    expect(await err('taint node node01 a=b:Sometimes')).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    expect(await err('explain nosuchtype')).toBe('the server doesn\'t have a resource type "nosuchtype"\n');
    expect(await err('auth can-i frobnicate pods')).toBe("Warning: verb 'frobnicate' is not a known verb\n\n");
    expect(await err('top pod nosuch')).toBe('Error from server (NotFound): pods.metrics.k8s.io "nosuch" not found\n');
  });
});
