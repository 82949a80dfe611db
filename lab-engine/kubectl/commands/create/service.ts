import type { KubeObject } from '../../../api/types';
import type { CommandContext, CommandSpec } from '../../types';
import { KubectlError } from '../../types';
import { flagInt, flagString, flagStrings } from '../../args';
import { complete, objectMeta, submit } from './common';

/** create_service.go parsePorts: `port[:targetPort]`, targetPort a number or a port name. */
function parsePorts(spec: string): [number, number | string] {
  const parts = spec.split(':');
  const port = parsePort(parts[0]);
  if (parts.length === 1) return [port, port];
  const t = parts[1];
  if (!/^[+-]?\d+$/.test(t)) {
    const errs = portNameErrors(t);
    if (errs.length > 0) throw new KubectlError(errs.join(','));
    return [port, t];
  }
  const n = Number(t);
  if (n < 1 || n > 65535) throw new KubectlError('must be between 1 and 65535, inclusive');
  return [port, n];
}

/** utilsnet.ParsePort(s, allowZero=true): strconv.ParseUint(s, 10, 16). */
function parsePort(s: string): number {
  if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (n > 65535) throw new KubectlError(`strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

/** validation.IsValidPortName. */
function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

function runService(ctx: CommandContext, type: string): number {
  const { name, dryRun } = complete(ctx);
  const clusterIP = type === 'ClusterIP' ? flagString(ctx.flags, 'clusterip') : '';
  const tcp = flagStrings(ctx.flags, 'tcp');
  const externalName = type === 'ExternalName' ? flagString(ctx.flags, 'external-name') : '';
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
  if (type === 'ExternalName' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(externalName)) {
    throw new KubectlError(`invalid service external name ${externalName}`);
  }
  const nodePort = type === 'NodePort' ? flagInt(ctx.flags, 'node-port') : 0;
  const ports = tcp.map((t) => {
    const [port, targetPort] = parsePorts(t);
    const p: Record<string, unknown> = { name: t.replace(/:/g, '-'), protocol: 'TCP', port, targetPort };
    if (nodePort) p.nodePort = nodePort;
    return p;
  });
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = { app: name };
  if (clusterIP) spec.clusterIP = clusterIP;
  spec.type = type;
  if (externalName) spec.externalName = externalName;
  const obj: KubeObject = { kind: 'Service', apiVersion: 'v1', metadata: objectMeta(ctx, name, { labels: { app: name } }), spec, status: { loadBalancer: {} } };
  return submit(ctx, dryRun, obj, { wrap: 'failed to create ' + type + ' service: ' });
}

const sub = (use: string, short: string, type: string, required: string[] = []): CommandSpec => ({
  use,
  short,
  flags: [],
  requiredFlags: required,
  run: (ctx) => runService(ctx, type),
});

export const createService: CommandSpec = {
  use: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  flags: [],
  subcommands: [
    sub('clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]', 'Create a ClusterIP service', 'ClusterIP'),
    sub('externalname NAME --external-name external.name [--dry-run=server|client|none]', 'Create an ExternalName service', 'ExternalName', ['external-name']),
    sub('loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a LoadBalancer service', 'LoadBalancer'),
    sub('nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]', 'Create a NodePort service', 'NodePort'),
  ],
};
