/**
 * @kubelab/lab-engine — a deterministic, in-memory Kubernetes cluster.
 * The app and tools import only this file.
 */
export { Cluster, createCluster, DEFAULT_START_MS } from './sim/cluster';
export type { ClusterOptions, SettleOptions } from './sim/cluster';
export type { ClusterContext } from './sim/context';
export { TOPOLOGIES, resolveTopology } from './sim/topology';
export type { Topology, NodeSpec } from './sim/topology';
export { ApiClient } from './api/client';
export type { ListOptions, ObjectList, Authorizer, AuthorizationAttributes } from './api/client';
export { ApiError, isApiError } from './api/errors';
export type { KubeObject, ObjectMeta, Status, UserInfo, WatchEvent } from './api/types';
export { ADMIN_USER } from './api/types';
export { Clock } from './base/clock';
export { Rng } from './base/rng';
export { canonicalJson, hash64Hex } from './base/hash';

// Labs: format, sessions built from a lab file, grading.
export { loadLab, checkKind } from './lab/load-lab';
export type { LabProblem, LoadLabResult } from './lab/load-lab';
export type { Lab, Task, Check } from './lab/schema';
export { pickText } from './lab/text';
export type { Locale, LocalizedText } from './lab/text';
export { labSessionOptions, startLab, replayLab, gradeSession, gradeTarget, replayAndGrade } from './lab/lab-session';
export { parseScript, runScriptSteps } from './session/script';
export type { ScriptStep, StepResult } from './session/script';
export { gradeLab, gradeTask } from './grader/grade';
export type { TaskResult, CheckResult } from './grader/grade';

// Terminal sessions: transcript, replay, limits.
export { Session, createSession } from './session/session';
export type { OutputStream, RunOptions } from './session/session';
export { replay, checkTranscript } from './session/replay';
export type { Transcript, Act, SessionOptions } from './session/transcript';
export { DEFAULT_REPLAY_LIMITS, ReplayLimitError } from './session/limits';
export type { ReplayLimits } from './session/limits';
export type { Completion } from './session/complete';

// Controllers: kubectl helpers (rollout undo/history, create job --from=cronjob) and invariants.
export { controllersOf, rollbackTo, deploymentRevisions, jobFromCronJob, controllerRevisionsOf, rollbackToControllerRevision } from './controllers';
export type { Controllers, RollbackResult, DeploymentRevision } from './controllers';
export { assertInvariants } from './sim/invariants';
export type { InvariantOptions } from './sim/invariants';

// API server: RBAC (auth can-i, --as), the schema (kubectl explain), the etcd key view, patches.
export { serviceAccountUser, impersonatedUser } from './security';
export type { RbacService } from './security';
export type { AccessReviewStatus, RulesReviewStatus, RequestAttributes } from './security/rbac';
export { schemaFor, typeSchema, fieldAt, loadDescriptions, descriptionOf, descriptionsLoaded, unknownFieldsOf, SCHEMA_SOURCE } from './api/openapi';
export type { FieldInfo, TypeSchema } from './api/openapi';
export { etcdKeys, etcdGet, etcdKeyOf } from './api/etcd-view';
export { applyPatch, PATCH_CONTENT_TYPES } from './api/patch';
export type { PatchType } from './api/patch';
export { strategicMergePatch } from './api/patch/strategic-merge-patch';

// Network: the traffic API (ctx.services.get('network')), tool output formatters, the ingress-nginx add-on.
export { getNetwork, NETWORK_SERVICE, KUBELET_SERVICE, installIngressNginx, NETWORK_ADDONS } from './network';
export { formatWgetError, formatWgetHttpError, formatCurlError, curlExitCode, formatNslookupBusybox, formatNslookupBusyboxLegacy, formatPing, formatNc } from './network/format';
export type {
  NetworkService,
  TrafficSource,
  HttpRequest,
  HttpResult,
  HttpResponse,
  Failure as NetworkFailure,
  FlowTrace,
  Hop as FlowHop,
  PolicyRef,
  DnsLookupResult,
  PingResult,
  TcpConnectResult,
  PodResponder,
} from './network/service';
export { FLOW_LOG_CAPACITY } from './network/flow-log';
// The API server's audit log (api/audit): PodSecurity audit annotations; off until enabled.
export { getAuditLog, AUDIT_LOG_PATH, AUDIT_SERVICE } from './api/audit/audit-log';
export type { AuditLog, AuditEvent } from './api/audit/audit-log';
export type { FlowRecord, FlowQuery, FlowKind } from './network/flow-log';
// Kubelets and scheduler (kubelet/, scheduler/): the `kubelet` service (logs, exec, container fs/env, usage,
// stopNode/startNode, static pod manifests) and the extension points for volume and scheduler plugins.
export { getKubelet, registerVolumePlugin, FsError, IMAGES, resolveImage } from './kubelet';
export type { KubeletService, LogOptions, ExecOptions, ExecResult, ContainerFs, FsStat, ContainerUsage, VolumePlugin, VolumeDir } from './kubelet';
export { registerSchedulerPlugin } from './scheduler';
export type { SchedulerPlugin, SchedulerService, NodeInfo as SchedulerNodeInfo, PluginStatus } from './scheduler';
export { nodeInternalIP, nodePodCIDR, plannedNodeIP } from './sim/topology';
