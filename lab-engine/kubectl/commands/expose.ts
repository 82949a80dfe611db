import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { AggregateError } from '../check-err';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { NO_RESOURCES_MESSAGE, hasFilenames, selectObjects } from '../resource-builder';
import { forServer, objectMeta, sortedMap } from './create/common';
import { podSpecOf } from './set/common';

const EXPOSABLE = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

/** `kubectl expose` (kubectl/pkg/cmd/expose/expose.go). */
export const expose: CommandSpec = {
  use: 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  flags: [],
  run: runExpose,
};

/** expose.go returns these as cmdutil.UsageErrorf, which appends the help hint. */
const USAGE_HINT = "\nSee 'kubectl expose -h' for help and examples";

function runExpose(ctx: CommandContext): number {
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  if (ctx.flags.args.length === 0 && !hasFilenames(ctx)) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const { infos, errors } = selectObjects(ctx, { args: ctx.flags.args, files: true, local: dryRun === 'client' && hasFilenames(ctx) });
  if (errors.length > 0) throw new AggregateError(errors);
  for (const info of infos) {
    if (!EXPOSABLE.includes(info.def.kind)) throw new KubectlError(`cannot expose a ${info.def.kind}`);
    const svc = buildService(ctx, info.object);
    recordChangeCause(ctx, svc);
    if (dryRun === 'client') {
      printResult(ctx, svc, { operation: 'exposed', dryRun, typed: true });
      continue;
    }
    const created = ctx.api.create(forServer(ctx, { ...svc, metadata: { ...svc.metadata, namespace: info.namespace } }), { dryRun: dryRun === 'server', fieldValidation: fieldValidation(ctx) });
    printResult(ctx, created, { operation: 'exposed', dryRun });
  }
  return 0;
}

/** polymorphichelpers.SelectorsForObject. */
function selectorOf(obj: KubeObject): Record<string, string> {
  switch (obj.kind) {
    case 'Pod':
      return obj.metadata.labels ?? {};
    case 'Service':
    case 'ReplicationController':
      return obj.spec?.selector ?? {};
    default:
      if (obj.spec?.selector?.matchExpressions?.length) {
        throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${obj.kind.toLowerCase()}s.apps "${obj.metadata.name}" has a selector with MatchExpressions, which are not supported${USAGE_HINT}`);
      }
      return obj.spec?.selector?.matchLabels ?? {};
  }
}

/** polymorphichelpers.PortsForObject / ProtocolsForObject. */
function portsOf(obj: KubeObject): { port: string; protocol: string }[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p: { port: number; protocol?: string }) => ({ port: String(p.port), protocol: p.protocol ?? 'TCP' }));
  const spec = podSpecOf(obj);
  const out: { port: string; protocol: string }[] = [];
  for (const c of spec?.containers ?? []) for (const p of (c.ports as { containerPort: number; protocol?: string }[] | undefined) ?? []) out.push({ port: String(p.containerPort), protocol: p.protocol ?? 'TCP' });
  return out;
}

function buildService(ctx: CommandContext, obj: KubeObject): KubeObject {
  const selectorFlag = flagString(ctx.flags, 'selector');
  const selector = selectorFlag ? parseMap(selectorFlag) : selectorOf(obj);
  if (Object.keys(selector).length === 0) throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind.toLowerCase()} has no selector${USAGE_HINT}`);
  const introspected = portsOf(obj);
  const portFlag = flagString(ctx.flags, 'port');
  const ports = portFlag ? portFlag.split(',') : introspected.map((p) => p.port);
  if (ports.length === 0) throw new KubectlError(`couldn't find port via --port flag or introspection${USAGE_HINT}`);
  const protocolFlag = flagString(ctx.flags, 'protocol');
  const target = flagString(ctx.flags, 'target-port');
  const servicePorts = ports.map((p, i) => {
    const port = Number(p);
    if (!Number.isInteger(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
    const sp: Record<string, unknown> = {};
    if (ports.length > 1) sp.name = `port-${i + 1}`;
    sp.protocol = protocolFlag || introspected.find((x) => x.port === p)?.protocol || 'TCP';
    sp.port = port;
    sp.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : port;
    return sp;
  });
  const spec: Record<string, unknown> = { ports: servicePorts, selector: sortedMap(selector) };
  const clusterIP = flagString(ctx.flags, 'cluster-ip');
  if (clusterIP) spec.clusterIP = clusterIP;
  const type = flagString(ctx.flags, 'type');
  if (type) spec.type = type;
  const externalIP = flagString(ctx.flags, 'external-ip');
  if (externalIP) spec.externalIPs = [externalIP];
  const affinity = flagString(ctx.flags, 'session-affinity');
  if (affinity) {
    if (affinity !== 'ClientIP' && affinity !== 'None') throw new KubectlError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (type === 'LoadBalancer' && flagString(ctx.flags, 'load-balancer-ip')) spec.loadBalancerIP = flagString(ctx.flags, 'load-balancer-ip');
  const labelsFlag = flagString(ctx.flags, 'labels');
  const labels = labelsFlag ? parseMap(labelsFlag) : obj.metadata.labels;
  const name = flagString(ctx.flags, 'name') || obj.metadata.name!;
  return { kind: 'Service', apiVersion: 'v1', metadata: objectMeta(ctx, name, labels ? { labels } : {}), spec, status: { loadBalancer: {} } };
}

function parseMap(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of s.split(',')) {
    const eq = p.indexOf('=');
    if (eq < 0) throw new KubectlError(`invalid label spec: ${p}`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}
