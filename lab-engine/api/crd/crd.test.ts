import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { ApiError } from '../errors';
import type { KubeObject } from '../types';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.status.message;
    throw e;
  }
  throw new Error('expected an ApiError');
}

// The CronTab example of the Kubernetes docs (tasks/extend-kubernetes/custom-resources).
const crontabCrd = (): KubeObject => ({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['cronSpec'],
                properties: {
                  cronSpec: { type: 'string', pattern: '^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$' },
                  image: { type: 'string' },
                  replicas: { type: 'integer', minimum: 1, maximum: 10 },
                },
              },
              status: { type: 'object', properties: { replicas: { type: 'integer' } } },
            },
          },
        },
        subresources: { status: {} },
        additionalPrinterColumns: [{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }],
      },
    ],
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
  },
});

const cr = (spec: object, name = 'my-new-cron-object'): KubeObject => ({ apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name, namespace: 'default' }, spec });

describe('CustomResourceDefinitions', () => {
  it('establishes the CRD and serves the new kind', () => {
    const s = newApiServer();
    s.api().create(crontabCrd());
    s.settle();
    const crd = s.store.peek('customresourcedefinitions.apiextensions.k8s.io', '', 'crontabs.stable.example.com')!;
    expect(crd.metadata.finalizers).toEqual(['customresourcecleanup.apiextensions.k8s.io']);
    expect(crd.spec.names.listKind).toBe('CronTabList');
    expect(crd.spec.conversion).toEqual({ strategy: 'None' });
    expect(crd.status.conditions.map((c: { type: string; reason: string }) => `${c.type}/${c.reason}`)).toEqual(['NamesAccepted/NoConflicts', 'Established/InitialNamesAccepted']);
    expect(crd.status.acceptedNames).toEqual({ kind: 'CronTab', listKind: 'CronTabList', plural: 'crontabs', singular: 'crontab', shortNames: ['ct'] });
    expect(crd.status.storedVersions).toEqual(['v1']);
    const def = s.registry.resolve('ct')!;
    expect([def.kind, def.group, def.version, def.namespaced, def.subresources]).toEqual(['CronTab', 'stable.example.com', 'v1', true, ['status']]);
    expect(def.additionalPrinterColumns).toEqual([{ name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' }]);
    const obj = s.api().create(cr({ cronSpec: '* * * * */5', image: 'my-awesome-cron-image' }));
    expect(obj.metadata.generation).toBe(1);
  });

  it('validates custom resources against the schema with the apiserver messages', () => {
    const s = newApiServer();
    s.api().create(crontabCrd());
    expect(messageOf(() => s.api().create(cr({ cronSpec: 'bad', replicas: 'three' })))).toBe(
      'CronTab.stable.example.com "my-new-cron-object" is invalid: [spec.cronSpec: Invalid value: "bad": spec.cronSpec in body should match \'^(\\d+|\\*)(/\\d+)?(\\s+(\\d+|\\*)(/\\d+)?){4}$\', spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"]',
    );
    expect(messageOf(() => s.api().create(cr({ replicas: 20 })))).toBe(
      'CronTab.stable.example.com "my-new-cron-object" is invalid: [spec.cronSpec: Required value, spec.replicas: Invalid value: 20: spec.replicas in body should be less than or equal to 10]',
    );
    expect(messageOf(() => s.api().create(cr({ cronSpec: '* * * * *', replica: 2 }), { fieldValidation: 'Strict' }))).toBe(
      'CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "spec.replica"',
    );
    // Without strict validation the unknown field is pruned.
    expect(s.api().create(cr({ cronSpec: '* * * * *', replica: 2 })).spec).toEqual({ cronSpec: '* * * * *' });
  });

  it('rejects a bad CRD and deletes instances with the CRD', () => {
    const s = newApiServer();
    const bad = crontabCrd();
    bad.metadata.name = 'crontabs';
    bad.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.image = {};
    expect(messageOf(() => s.api().create(bad))).toBe(
      'CustomResourceDefinition.apiextensions.k8s.io "crontabs" is invalid: [metadata.name: Invalid value: "crontabs": must be spec.names.plural+"."+spec.group, spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[image].type: Required value: must not be empty for specified object fields]',
    );
    s.api().create(crontabCrd());
    s.api().create(cr({ cronSpec: '* * * * *' }));
    s.api().delete(s.registry.forResource('customresourcedefinitions', 'apiextensions.k8s.io')!, '', 'crontabs.stable.example.com');
    s.settle();
    expect(s.store.peek('customresourcedefinitions.apiextensions.k8s.io', '', 'crontabs.stable.example.com')).toBeUndefined();
    expect(s.store.peekList('crontabs.stable.example.com')).toEqual([]);
    expect(s.registry.resolve('crontabs')).toBeUndefined();
  });
});

describe('patching custom resources', () => {
  it('refuses strategic merge patch and accepts merge patch', () => {
    const s = newApiServer();
    s.api().create(crontabCrd());
    s.api().create(cr({ cronSpec: '* * * * *', replicas: 1 }));
    const def = s.registry.resolve('crontab')!;
    try {
      s.api().patch(def, 'default', 'my-new-cron-object', 'strategic', { spec: { replicas: 2 } });
      expect.unreachable();
    } catch (e) {
      expect([(e as ApiError).code, (e as ApiError).status.message]).toEqual([
        415,
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
      ]);
    }
    expect(s.api().patch(def, 'default', 'my-new-cron-object', 'merge', { spec: { replicas: 2 } }).spec.replicas).toBe(2);
  });
});
