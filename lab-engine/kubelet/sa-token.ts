import type { KubeObject } from '../api/types';
import type { ClusterContext } from '../sim/context';
import { issueServiceAccountToken } from '../security/token';
import { newVolumeDir } from './fs';
import type { VolumePlugin } from './types';

/** The source name under which the token projection is registered (not a pod volume source). */
export const SA_TOKEN_SOURCE = 'serviceAccountToken';

/**
 * The kubelet's service-account token projection (pkg/kubelet/token/token_manager.go asks
 * TokenRequest with BoundObjectRef = the pod): a JWT from the API server's issuer with
 * sub system:serviceaccount:<ns>:<sa>, the projection's audience and expiry, and the
 * kubernetes.io claims naming the pod and its node (security/token.ts). setUp gets a
 * volume `{ serviceAccountToken: <projection> }` and returns a directory holding the
 * token at the projection's path; the projected-volume code (volumes.ts) copies it.
 */
export function serviceAccountTokenPlugin(ctx: ClusterContext): VolumePlugin {
  return {
    source: SA_TOKEN_SOURCE,
    setUp(pod: KubeObject, volume: KubeObject) {
      const ns = pod.metadata.namespace ?? 'default';
      const saName = pod.spec?.serviceAccountName ?? 'default';
      const sa = ctx.store.peek('serviceaccounts', ns, saName);
      // token.go: the account must exist (the kubelet retries the mount).
      if (!sa) return { error: `failed to fetch token: serviceaccounts "${saName}" not found` };
      const p = volume.serviceAccountToken as { path: string; audience?: string; expirationSeconds?: number };
      const nodeName = pod.spec?.nodeName as string | undefined;
      const node = nodeName ? ctx.store.peek('nodes', '', nodeName) : undefined;
      const { token } = issueServiceAccountToken(ctx, sa, p.audience ? [p.audience] : [], p.expirationSeconds ?? 3600, {
        pod: { name: pod.metadata.name!, uid: pod.metadata.uid! },
        ...(node ? { node: { name: node.metadata.name!, uid: node.metadata.uid! } } : {}),
      });
      const dir = newVolumeDir(true);
      dir.files.set(p.path, token);
      return { dir };
    },
  };
}
