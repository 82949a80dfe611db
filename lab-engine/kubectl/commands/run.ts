import type { KubeObject } from '../../api/types';
import { resourceKey } from '../../api/store';
import { mergePatch } from '../../api/patch/merge-patch';
import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagBool, flagString, flagStrings } from '../args';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { setLastApplied } from '../apply/last-applied';
import { forServer, objectMeta, sortedMap, usageError } from './create/common';

/** `kubectl run` (kubectl/pkg/cmd/run/run.go): one Pod, optionally a Service, optionally attached. */
export const run: CommandSpec = {
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  flags: [],
  run: runRun,
};

// distribution/reference ReferenceRegexp, simplified to the same accept/reject for ordinary names.
const IMAGE_RE = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9.-]*[a-zA-Z0-9])?(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

function validate(ctx: CommandContext, image: string): void {
  if (!image) throw usageError(ctx, '--image is required');
  if (!IMAGE_RE.test(image)) throw new KubectlError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  const restart = flagString(ctx.flags, 'restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
  const attach = flagBool(ctx.flags, 'attach') || flagBool(ctx.flags, 'stdin');
  if (flagBool(ctx.flags, 'tty') && !flagBool(ctx.flags, 'stdin')) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true');
  if (flagBool(ctx.flags, 'rm') && !attach) throw usageError(ctx, '--rm should only be used for attached containers');
  if (flagBool(ctx.flags, 'expose') && runPort(ctx) < 1) throw new KubectlError('--port must be set when exposing a service');
}

function parseEnv(specs: string[]): { name: string; value: string }[] {
  return specs.map((s) => {
    const eq = s.indexOf('=');
    if (eq < 0) throw new KubectlError(`invalid env: ${s}`);
    return { name: s.slice(0, eq), value: s.slice(eq + 1) };
  });
}

function parseLabels(ctx: CommandContext, name: string): Record<string, string> {
  const spec = flagString(ctx.flags, 'labels');
  if (!spec) return { run: name };
  const out: Record<string, string> = {};
  for (const p of spec.split(',')) {
    const eq = p.indexOf('=');
    if (eq < 0) throw new KubectlError(`invalid label spec: ${p}`);
    out[p.slice(0, eq)] = p.slice(eq + 1);
  }
  return out;
}

/** generate/versioned/run.go BasicPod: Container fields in Go struct order. */
function buildPod(ctx: CommandContext, name: string, image: string): KubeObject {
  const c: Record<string, unknown> = { name, image };
  const argv = ctx.flags.afterDash.length > 0 ? ctx.flags.afterDash : ctx.flags.args.slice(1);
  if (argv.length > 0) c[flagBool(ctx.flags, 'command') ? 'command' : 'args'] = argv;
  const port = runPort(ctx);
  if (port > 0) c.ports = [{ containerPort: port }];
  const env = parseEnv(flagStrings(ctx.flags, 'env'));
  if (env.length > 0) c.env = env;
  c.resources = {};
  if (flagString(ctx.flags, 'image-pull-policy')) c.imagePullPolicy = flagString(ctx.flags, 'image-pull-policy');
  if (flagBool(ctx.flags, 'privileged')) c.securityContext = { privileged: true };
  if (flagBool(ctx.flags, 'stdin')) {
    c.stdin = true;
    if (flagBool(ctx.flags, 'leave-stdin-open') === false) c.stdinOnce = true;
  }
  if (flagBool(ctx.flags, 'tty')) c.tty = true;
  const annotations: Record<string, string> = {};
  for (const a of flagStrings(ctx.flags, 'annotations')) annotations[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
  const spec: Record<string, unknown> = { containers: [c], restartPolicy: flagString(ctx.flags, 'restart') || 'Always', dnsPolicy: 'ClusterFirst' };
  let pod: KubeObject = { kind: 'Pod', apiVersion: 'v1', metadata: objectMeta(ctx, name, { labels: parseLabels(ctx, name), annotations: sortedMap(annotations) }), spec, status: {} };
  const overrides = flagString(ctx.flags, 'overrides');
  if (overrides) {
    let patch: unknown;
    try {
      patch = JSON.parse(overrides);
    } catch (e) {
      throw new KubectlError(`error unmarshaling JSON: ${(e as Error).message}`);
    }
    pod = mergePatch(pod, patch) as KubeObject;
  }
  return pod;
}

function buildService(ctx: CommandContext, name: string, labels: Record<string, string>): KubeObject {
  const port = runPort(ctx);
  const meta = objectMeta(ctx, name);
  return { kind: 'Service', apiVersion: 'v1', metadata: meta, spec: { ports: [{ protocol: 'TCP', port, targetPort: port }], selector: labels }, status: { loadBalancer: {} } };
}

async function runRun(ctx: CommandContext): Promise<number> {
  if (ctx.flags.args.length === 0) throw usageError(ctx, 'NAME is required for run');
  const name = ctx.flags.args[0];
  const dryRun = dryRunStrategy(ctx);
  checkOutputFormat(ctx);
  const image = flagString(ctx.flags, 'image');
  validate(ctx, image);
  const attach = flagBool(ctx.flags, 'attach') || flagBool(ctx.flags, 'stdin');
  if (dryRun !== 'none' && attach) throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pod = buildPod(ctx, name, image);
  if (flagBool(ctx.flags, 'save-config')) setLastApplied(pod);
  recordChangeCause(ctx, pod);
  const validation = fieldValidation(ctx);
  if (flagBool(ctx.flags, 'expose')) {
    const svc = buildService(ctx, name, pod.metadata.labels ?? {});
    const shown = dryRun === 'client' ? svc : ctx.api.create(forServer(ctx, svc), { dryRun: dryRun === 'server', fieldValidation: validation });
    printResult(ctx, shown, { operation: 'created', dryRun, typed: dryRun === 'client' });
    // run.go prints "---" between the Service and the Pod with -o yaml (the YAML printer adds another).
    if (flagString(ctx.flags, 'output') === 'yaml') ctx.io.out('---\n');
  }
  const created = dryRun === 'client' ? pod : ctx.api.create(forServer(ctx, pod), { dryRun: dryRun === 'server', fieldValidation: validation });
  if (!attach) {
    printResult(ctx, created, { operation: 'created', dryRun, typed: dryRun === 'client' });
    return 0;
  }
  return attachToPod(ctx, created);
}

/** --attach / -i [-t] [--rm]: wait for the pod to start, hand the terminal to the host, clean up. */
async function attachToPod(ctx: CommandContext, pod: KubeObject): Promise<number> {
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const name = pod.metadata.name!;
  const def = ctx.host.cluster.registry.forKind('v1', 'Pod')!;
  const timeoutMs = (ctx.flags.values['pod-running-timeout'] as number) || 60000;
  let current = pod;
  for (let waited = 0; waited < timeoutMs; waited += 250) {
    current = ctx.host.cluster.store.peek(resourceKey(def), ns, name) ?? current;
    const phase = current.status?.phase;
    if (phase === 'Running' || phase === 'Succeeded' || phase === 'Failed') break;
    await ctx.host.sleep(250);
  }
  let code = 0;
  if (ctx.host.attach) {
    if (flagBool(ctx.flags, 'tty')) ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
    code = await ctx.host.attach({ namespace: ns, pod: name, container: name, stdin: flagBool(ctx.flags, 'stdin'), tty: flagBool(ctx.flags, 'tty') });
  }
  if (flagBool(ctx.flags, 'rm')) {
    ctx.api.delete(def, ns, name, {});
    ctx.io.out(`pod "${name}" deleted\n`);
  }
  return code;
}

/** run's --port is a string flag; kubectl parses it as an int32 (empty = none). */
function runPort(ctx: CommandContext): number {
  const v = flagString(ctx.flags, 'port');
  if (!v) return -1;
  if (!/^-?\d+$/.test(v)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}
