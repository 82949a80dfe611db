import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status.message;
    throw e;
  }
  throw new Error('expected an ApiError');
}

describe('Namespace and the system namespaces', () => {
  it('boots with the four system namespaces, each with a default ServiceAccount and kube-root-ca.crt', () => {
    const s = newApiServer();
    expect(s.store.peekList('namespaces').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(s.store.peekList('serviceaccounts').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'default/default',
      'kube-node-lease/default',
      'kube-public/default',
      'kube-system/default',
    ]);
    const cm = s.store.peek('configmaps', 'default', 'kube-root-ca.crt')!;
    expect(cm.data['ca.crt']).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgII/);
  });

  it('defaults label, finalizers and phase', () => {
    const s = newApiServer();
    const ns = s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(ns.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(ns.status).toEqual({ phase: 'Active' });
    expect(ns.metadata.generation).toBeUndefined();
    s.settle();
    expect(s.store.peek('serviceaccounts', 'shop', 'default')?.metadata.name).toBe('default');
  });

  it('validates the name as a DNS-1123 label', () => {
    const s = newApiServer();
    expect(messageOf(() => s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Shop' } }))).toBe(
      'Namespace "Shop" is invalid: metadata.name: Invalid value: "Shop": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    );
  });

  it('NamespaceLifecycle: missing and terminating namespaces, immortal namespaces', () => {
    const s = newApiServer();
    const cm = (ns: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: ns } });
    expect(messageOf(() => s.api().create(cm('nope')))).toBe('namespaces "nope" not found');
    s.api().create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'old' } });
    const nsDef = s.registry.forResource('namespaces', '')!;
    const r = s.api().delete(nsDef, '', 'old');
    expect(r.deleted).toBe(false);
    expect(s.store.peek('namespaces', '', 'old')?.status.phase).toBe('Terminating');
    expect(messageOf(() => s.api().create(cm('old')))).toBe(
      'configmaps "a" is forbidden: unable to create new content in namespace old because it is being terminated',
    );
    expect(messageOf(() => s.api().delete(nsDef, '', 'kube-system'))).toBe('namespaces "kube-system" is forbidden: this namespace may not be deleted');
    // The namespace controller's finalize step: clearing spec.finalizers completes the deletion.
    const terminating = s.api().get(nsDef, '', 'old');
    s.api().update({ ...terminating, spec: { finalizers: [] } });
    expect(s.store.peek('namespaces', '', 'old')).toBeUndefined();
  });
});
