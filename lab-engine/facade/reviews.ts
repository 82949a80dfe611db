import type { ClusterContext } from '../sim/context';
import type { ApiClient } from '../api/client';
import { notFound } from '../api/errors';
import type { FacadeRequest, FacadeResponse, ResourcePath } from './types';
import { json } from './status';

/** The review APIs the security module answers (SelfSubjectAccessReview, SelfSubjectRulesReview, SelfSubjectReview). */
export interface ReviewService {
  canI(user: ApiClient['user'], attrs: Record<string, unknown>): { allowed: boolean; reason?: string; denied?: boolean };
  rulesFor(user: ApiClient['user'], namespace: string): { resourceRules: unknown[]; nonResourceRules: unknown[]; incomplete: boolean };
}

export function handleReview(cluster: ClusterContext, api: ApiClient, rp: ResourcePath, req: FacadeRequest): FacadeResponse {
  const body = JSON.parse(req.body ?? '{}');
  const reviews = cluster.services.get('rbac') as ReviewService | undefined;
  switch (rp.resource) {
    case 'selfsubjectaccessreviews': {
      const attrs = body?.spec?.resourceAttributes ?? body?.spec?.nonResourceAttributes ?? {};
      const d = reviews ? reviews.canI(api.user, attrs) : { allowed: true, reason: '' };
      return json(201, { ...body, apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: { creationTimestamp: null }, status: { allowed: d.allowed, ...(d.reason ? { reason: d.reason } : {}) } });
    }
    case 'selfsubjectrulesreviews': {
      const ns = body?.spec?.namespace ?? 'default';
      const r = reviews ? reviews.rulesFor(api.user, ns) : { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false };
      return json(201, { ...body, apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', metadata: { creationTimestamp: null }, status: r });
    }
    case 'selfsubjectreviews':
      return json(201, {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'SelfSubjectReview',
        metadata: { creationTimestamp: null },
        status: { userInfo: { username: api.user.username, groups: api.user.groups } },
      });
  }
  throw notFound({ group: rp.group, resource: rp.resource }, rp.name ?? '');
}
