import type { Json } from '../types';

/**
 * The Pod Security Standards checks (k8s.io/pod-security-admission/policy),
 * the ones a course meets, each returning `{reason, detail}` like
 * CheckResult.ForbiddenReason/ForbiddenDetail. Checks run in check-ID order,
 * which is the order the admission message lists them.
 */
export interface Violation {
  reason: string;
  detail: string;
}

type Check = { id: string; level: 'baseline' | 'restricted'; run(spec: Json): Violation | undefined };

const containersOf = (spec: Json): Json[] => [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
const q = (s: string) => JSON.stringify(s);
/** `container "a"` / `containers "a", "b"` */
const named = (noun: string, names: string[]) => `${noun}${names.length > 1 ? 's' : ''} ${names.map(q).join(', ')}`;

const BASELINE_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

const CHECKS: Check[] = [
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    run(spec) {
      const bad = containersOf(spec).filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => c.name);
      return bad.length ? { reason: 'allowPrivilegeEscalation != false', detail: `${named('container', bad)} must set securityContext.allowPrivilegeEscalation=false` } : undefined;
    },
  },
  {
    id: 'capabilities_baseline',
    level: 'baseline',
    run(spec) {
      const bad: string[] = [];
      const caps = new Set<string>();
      for (const c of containersOf(spec)) {
        const extra = ((c.securityContext?.capabilities?.add ?? []) as string[]).filter((x) => !BASELINE_CAPS.includes(x));
        if (extra.length) {
          bad.push(c.name);
          extra.forEach((x) => caps.add(x));
        }
      }
      return bad.length ? { reason: 'non-default capabilities', detail: `${named('container', bad)} must not include ${[...caps].sort().map(q).join(', ')} in securityContext.capabilities.add` } : undefined;
    },
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    run(spec) {
      const noDrop: string[] = [];
      const badAdd: string[] = [];
      const caps = new Set<string>();
      for (const c of containersOf(spec)) {
        const drop = (c.securityContext?.capabilities?.drop ?? []) as string[];
        if (!drop.includes('ALL')) noDrop.push(c.name);
        const add = ((c.securityContext?.capabilities?.add ?? []) as string[]).filter((x) => x !== 'NET_BIND_SERVICE');
        if (add.length) {
          badAdd.push(c.name);
          add.forEach((x) => caps.add(x));
        }
      }
      const details: string[] = [];
      if (noDrop.length) details.push(`${named('container', noDrop)} must set securityContext.capabilities.drop=["ALL"]`);
      if (badAdd.length) details.push(`${named('container', badAdd)} must not include ${[...caps].sort().map(q).join(', ')} in securityContext.capabilities.add`);
      return details.length ? { reason: 'unrestricted capabilities', detail: details.join('; ') } : undefined;
    },
  },
  {
    id: 'hostNamespaces',
    level: 'baseline',
    run(spec) {
      const on = ['hostNetwork', 'hostPID', 'hostIPC'].filter((k) => spec[k] === true).map((k) => `${k}=true`);
      return on.length ? { reason: 'host namespaces', detail: on.join(', ') } : undefined;
    },
  },
  {
    id: 'hostPathVolumes',
    level: 'baseline',
    run(spec) {
      const bad = ((spec.volumes ?? []) as Json[]).filter((v) => v.hostPath).map((v) => v.name);
      return bad.length ? { reason: 'hostPath volumes', detail: named('volume', bad) } : undefined;
    },
  },
  {
    id: 'hostPorts',
    level: 'baseline',
    run(spec) {
      const bad: string[] = [];
      const ports: number[] = [];
      for (const c of containersOf(spec)) {
        const hp = ((c.ports ?? []) as Json[]).filter((p) => p.hostPort).map((p) => p.hostPort as number);
        if (hp.length) {
          bad.push(c.name);
          ports.push(...hp);
        }
      }
      if (!bad.length) return undefined;
      return { reason: 'hostPort', detail: `${named('container', bad)} ${bad.length > 1 ? 'use' : 'uses'} hostPort${ports.length > 1 ? 's' : ''} ${ports.join(', ')}` };
    },
  },
  {
    id: 'privileged',
    level: 'baseline',
    run(spec) {
      const bad = containersOf(spec).filter((c) => c.securityContext?.privileged === true).map((c) => c.name);
      return bad.length ? { reason: 'privileged', detail: `${named('container', bad)} must not set securityContext.privileged=true` } : undefined;
    },
  },
  {
    id: 'restrictedVolumes',
    level: 'restricted',
    run(spec) {
      const allowed = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret', 'image'];
      const bad = ((spec.volumes ?? []) as Json[]).map((v) => [v.name, Object.keys(v).find((k) => k !== 'name' && !allowed.includes(k))]).filter(([, t]) => t);
      if (!bad.length) return undefined;
      const types = [...new Set(bad.map(([, t]) => t as string))];
      return { reason: 'restricted volume types', detail: `${named('volume', bad.map(([n]) => n as string))} ${bad.length > 1 ? 'use' : 'uses'} restricted volume type${types.length > 1 ? 's' : ''} ${types.map(q).join(', ')}` };
    },
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    run(spec) {
      const podSet = spec.securityContext?.runAsNonRoot;
      if (podSet === false) return { reason: 'runAsNonRoot != true', detail: 'pod must not set securityContext.runAsNonRoot=false' };
      const bad = containersOf(spec).filter((c) => c.securityContext?.runAsNonRoot === false || (podSet !== true && c.securityContext?.runAsNonRoot !== true)).map((c) => c.name);
      return bad.length ? { reason: 'runAsNonRoot != true', detail: `pod or ${named('container', bad)} must set securityContext.runAsNonRoot=true` } : undefined;
    },
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    run(spec) {
      if (spec.securityContext?.runAsUser === 0) return { reason: 'runAsUser=0', detail: 'pod must not set runAsUser=0' };
      const bad = containersOf(spec).filter((c) => c.securityContext?.runAsUser === 0).map((c) => c.name);
      return bad.length ? { reason: 'runAsUser=0', detail: `${named('container', bad)} must not set runAsUser=0` } : undefined;
    },
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    run(spec) {
      if (spec.securityContext?.seccompProfile?.type === 'Unconfined') return { reason: 'seccompProfile', detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' };
      const bad = containersOf(spec).filter((c) => c.securityContext?.seccompProfile?.type === 'Unconfined').map((c) => c.name);
      return bad.length ? { reason: 'seccompProfile', detail: `${named('container', bad)} must not set securityContext.seccompProfile.type to "Unconfined"` } : undefined;
    },
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    run(spec) {
      const ok = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
      const podType = spec.securityContext?.seccompProfile?.type;
      if (podType !== undefined && !ok(podType)) return { reason: 'seccompProfile', detail: `pod must not set securityContext.seccompProfile.type to ${q(String(podType))}` };
      const bad = containersOf(spec).filter((c) => (c.securityContext?.seccompProfile?.type === undefined ? !ok(podType) : !ok(c.securityContext.seccompProfile.type))).map((c) => c.name);
      return bad.length ? { reason: 'seccompProfile', detail: `pod or ${named('container', bad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"` } : undefined;
    },
  },
];

/** Checks for a level; restricted overrides seccompProfile_baseline and hostPathVolumes with stricter ones. */
export function evaluatePodSecurity(level: string, spec: Json): Violation[] {
  if (level !== 'baseline' && level !== 'restricted') return [];
  const active = CHECKS.filter((c) => c.level === 'baseline' || level === 'restricted').filter(
    (c) => !(level === 'restricted' && (c.id === 'seccompProfile_baseline' || c.id === 'hostPathVolumes')),
  );
  const out: Violation[] = [];
  for (const c of active) {
    const v = c.run(spec ?? {});
    if (v) out.push(v);
  }
  return out;
}
