import type { AdmissionPlugin } from '../store';
import type { Json, KubeObject } from '../types';
import { forbidden } from '../errors';

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount/admission.go):
 * default `serviceAccountName`, refuse unknown service accounts, and mount the
 * bound token as the `kube-api-access-<5>` projected volume in every
 * container unless automount is off on the pod or the service account.
 * Mirror pods are left alone. The `default` account is accepted while the
 * service-account controller has not created it yet (it does within the same
 * settle step here; in a real cluster within milliseconds).
 */
export const serviceAccountAdmission: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(op, def, obj, _old, ctx) {
    if (op !== 'CREATE' || def.group !== '' || def.resource !== 'pods') return;
    if (obj.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
    const spec = (obj.spec ??= {});
    if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || 'default';
    spec.serviceAccount = spec.serviceAccountName;
    const ns = obj.metadata.namespace ?? 'default';
    const sa = ctx.peek('serviceaccounts', ns, spec.serviceAccountName);
    if (!sa && spec.serviceAccountName !== 'default') {
      throw forbidden(def, obj.metadata.name || '', `error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
    }
    if (!shouldAutomount(sa, spec)) return;
    mountToken(spec, `kube-api-access-${ctx.rng.k8sString(5)}`);
  },
};

function shouldAutomount(sa: KubeObject | undefined, spec: Json): boolean {
  if (spec.automountServiceAccountToken !== undefined) return !!spec.automountServiceAccountToken;
  if (sa?.automountServiceAccountToken !== undefined) return !!sa.automountServiceAccountToken;
  return true;
}

function mountToken(spec: Json, volumeName: string): void {
  const containers: Json[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  const needs = containers.filter((c) => !(c.volumeMounts ?? []).some((m: Json) => m.mountPath === SA_MOUNT_PATH));
  if (needs.length === 0) return;
  spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
  for (const c of needs) c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SA_MOUNT_PATH, name: volumeName, readOnly: true }];
}

/** The projected volume, exactly as the plugin builds it (TokenVolumeSource). */
export function tokenVolume(name: string): Json {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}
