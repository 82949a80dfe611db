import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import { newControllerRef } from '../common/owner-refs';
import { podFromTemplate } from '../common/pods';
import { REVISION_HASH } from '../common/history';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export function podName(set: KubeObject, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** getOrdinal: the trailing number of `<set>-<ordinal>`, or -1. */
export function ordinalOf(set: KubeObject, pod: KubeObject): number {
  const prefix = `${set.metadata.name}-`;
  const name = pod.metadata.name ?? '';
  if (!name.startsWith(prefix)) return -1;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}

/** getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function claimName(set: KubeObject, template: KubeObject, ordinal: number): string {
  return `${template.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/**
 * newStatefulSetPod (stateful_set_utils.go): the template named
 * `<set>-<ordinal>`, with identity (hostname, subdomain, pod-name and
 * pod-index labels), storage (one PVC volume per claim template) and the
 * revision label.
 */
export function statefulSetPod(set: KubeObject, template: KubeObject['spec'], ordinal: number, revisionName: string): KubeObject {
  const pod = podFromTemplate(template, set.metadata.namespace!, set, newControllerRef(set));
  delete pod.metadata.generateName;
  const name = podName(set, ordinal);
  pod.metadata.name = name;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [REVISION_HASH]: revisionName, [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) };
  pod.spec.hostname = name;
  if (set.spec?.serviceName) pod.spec.subdomain = set.spec.serviceName;
  const claims = (set.spec?.volumeClaimTemplates ?? []) as KubeObject[];
  if (claims.length) {
    const names = new Set(claims.map((c) => c.metadata.name));
    const volumes = (pod.spec.volumes ?? []).filter((v: { name: string }) => !names.has(v.name));
    for (const c of claims) volumes.push({ name: c.metadata.name, persistentVolumeClaim: { claimName: claimName(set, c, ordinal) } });
    pod.spec.volumes = volumes;
  }
  return pod;
}

/** getPersistentVolumeClaims: the claim templates, named per ordinal, labelled with the selector's matchLabels. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  return ((set.spec?.volumeClaimTemplates ?? []) as KubeObject[]).map((t) => {
    const claim = cloneJson(t);
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = { ...claim.metadata, name: claimName(set, t, ordinal), namespace: set.metadata.namespace, labels: { ...(t.metadata?.labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) } };
    delete claim.status;
    if (set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted === 'Delete') {
      claim.metadata.ownerReferences = [{ ...newControllerRef(set) }];
    }
    return claim;
  });
}
