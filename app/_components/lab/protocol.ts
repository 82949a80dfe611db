import type { Completion, Lab, Locale, TaskResult, Transcript } from '@kubelab/lab-engine';

/** Messages from the page to the lab worker. */
export type ToWorker =
  | { type: 'init'; lab: Lab; transcript?: Transcript; locale: Locale }
  | { type: 'line'; line: string }
  | { type: 'interrupt' }
  | { type: 'save-file'; path: string; content: string }
  | { type: 'cancel-editor' }
  | { type: 'complete'; id: number; line: string; cursor: number }
  | { type: 'grade'; taskId?: string; locale: Locale }
  | { type: 'inspect'; ref: ObjectRef }
  | { type: 'tick' };

/** Messages from the lab worker to the page. */
export type FromWorker =
  | { type: 'ready'; prompt: string; resumed: boolean; replayMs: number; /** Worker start → engine modules evaluated. */ scriptMs: number }
  | { type: 'output'; chunk: string; stream: 'stdout' | 'stderr' }
  | { type: 'line-end'; exitCode: number; prompt: string }
  | { type: 'editor'; path: string; content: string }
  | { type: 'completion'; id: number; completion: Completion }
  | { type: 'graded'; results: TaskResult[]; transcript: Transcript; stateHash: string }
  | { type: 'state'; view: ClusterView }
  | { type: 'transcript'; transcript: Transcript }
  | { type: 'object'; ref: ObjectRef; yaml: string }
  | { type: 'error'; message: string };

export interface ObjectRef {
  resource: string;
  namespace?: string;
  name: string;
}

/** What the live cluster view draws (a small projection, not whole objects). */
export interface ClusterView {
  nodes: { name: string; ready: boolean; unschedulable: boolean; roles: string; pods: PodView[] }[];
  pending: PodView[];
  deployments: { namespace: string; name: string; desired: number; updated: number; ready: number; available: number }[];
  services: { namespace: string; name: string; type: string; clusterIP: string; ports: string; endpoints: number; notReady: number }[];
  /** The last few network flows the learner caused, with the NetworkPolicy decision (the engine's flow log). */
  flows: FlowView[];
}

export interface FlowView {
  seq: number;
  kind: 'http' | 'tcp' | 'udp' | 'dns' | 'icmp';
  /** `namespace/pod`, `node/NAME` or `outside`. */
  from: string;
  to: string;
  /** allowed: delivered; denied: dropped by NetworkPolicy; failed: refused, no endpoints, NXDOMAIN… */
  verdict: 'allowed' | 'denied' | 'failed';
  /** `HTTP 200`, `timeout`, `connection refused`, `NXDOMAIN`… */
  outcome: string;
  /** Identical consecutive flows (a retry loop) are one entry. */
  count: number;
  /** The deciding policies: for a denied flow the ones isolating the pod, for an allowed one the ones whose rule matched. */
  policies: { namespace: string; name: string; direction: 'Ingress' | 'Egress'; rule?: number }[];
}

export interface PodView {
  namespace: string;
  name: string;
  phase: string;
  /** What `kubectl get pods` shows in STATUS (CrashLoopBackOff, ImagePullBackOff, Terminating…). */
  status: string;
  ready: string;
  restarts: number;
}
