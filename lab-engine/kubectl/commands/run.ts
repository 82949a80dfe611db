import type { KubeObject } from '../../api/types';
import { isApiError } from '../../api/errors';
import { mergePatch } from '../../api/patch/merge-patch';
import type { CommandContext, CommandSpec } from '../types';
import { Interrupted, KubectlError } from '../types';
import { flagBool, flagString, flagStrings } from '../args';
import { checkOutputFormat, dryRunStrategy, fieldValidation, printResult, recordChangeCause } from '../flags';
import { setLastApplied } from '../apply/last-applied';
import { forServer, objectMeta, sortedMap, usageError } from './create/common';
import { chooseContainer, InterruptExit, isRunningAndReadyOrCompleted, kubelet, podPhase, runAttach, upgradeError, waitForPod } from './shell-support';

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
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usageError(ctx, `invalid restart policy: ${restart}`); // run.go: cmdutil.UsageErrorf
  const attach = flagBool(ctx.flags, 'attach') || flagBool(ctx.flags, 'stdin');
  if (flagBool(ctx.flags, 'tty') && !flagBool(ctx.flags, 'stdin')) throw usageError(ctx, '-i/--stdin is required for containers with -t/--tty=true');
  if (flagBool(ctx.flags, 'rm') && !attach) throw usageError(ctx, '--rm should only be used for attached containers');
  if (flagBool(ctx.flags, 'expose') && runPort(ctx) < 1) throw usageError(ctx, '--port must be set when exposing a service');
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
  if (dryRun !== 'none' && attach) throw usageError(ctx, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pod = buildPod(ctx, name, image);
  if (flagBool(ctx.flags, 'save-config')) setLastApplied(pod);
  recordChangeCause(ctx, pod);
  const validation = fieldValidation(ctx);
  const created = dryRun === 'client' ? pod : ctx.api.create(forServer(ctx, pod), { dryRun: dryRun === 'server', fieldValidation: validation });
  const objects = [created];
  if (flagBool(ctx.flags, 'expose')) {
    // run.go (v1.32) generateService prints the Service as soon as it is created, then "---" with
    // -o yaml (the YAML printer adds another); the Pod is printed last, and only when not attaching.
    const built = buildService(ctx, name, pod.metadata.labels ?? {});
    const svc = dryRun === 'client' ? built : ctx.api.create(forServer(ctx, built), { dryRun: dryRun === 'server', fieldValidation: validation });
    objects.push(svc);
    printResult(ctx, svc, { operation: 'created', dryRun, typed: dryRun === 'client' });
    if (flagString(ctx.flags, 'output') === 'yaml') ctx.io.out('---\n');
  }
  if (attach) return attachToPod(ctx, objects);
  printResult(ctx, created, { operation: 'created', dryRun, typed: dryRun === 'client' });
  return 0;
}

/**
 * --attach / -i [-t] [--rm] (run.go Run, v1.32): wait for the pod, attach (or print the logs of a pod
 * that already finished), then with --restart=Never|OnFailure wait for the pod to finish and return
 * its container's exit code. --rm deletes what was created whatever happened (run.go's defer) — except
 * on Ctrl-C: SIGINT kills kubectl (no -i, piped input) or its interrupt handler calls os.Exit(1) (the
 * waits, an attach from a terminal without -t), and deferred functions do not run either way. With -t
 * the terminal is raw and Ctrl-C goes to the container instead (session/hooks.ts).
 */
async function attachToPod(ctx: CommandContext, created: KubeObject[]): Promise<number> {
  let code = 0;
  let failure: unknown;
  try {
    code = await attachAndWait(ctx, created[0]);
  } catch (e) {
    failure = e;
  }
  if (flagBool(ctx.flags, 'rm') && !(failure instanceof Interrupted) && !(failure instanceof InterruptExit)) removeCreated(ctx, created);
  if (failure !== undefined) throw failure;
  return code;
}

async function attachAndWait(ctx: CommandContext, pod: KubeObject): Promise<number> {
  const ns = pod.metadata.namespace ?? ctx.namespace;
  const name = pod.metadata.name!;
  const timeoutMs = (ctx.flags.values['pod-running-timeout'] as number) || 60_000;
  const quiet = flagBool(ctx.flags, 'quiet');
  // handleAttachPod: a pod that already finished only shows its logs.
  const ready = await waitForPod(ctx, ns, name, timeoutMs, isRunningAndReadyOrCompleted);
  const container = chooseContainer(ctx, ready, '', quiet);
  const phase = podPhase(ready);
  if (phase === 'Succeeded' || phase === 'Failed') ctx.io.out(kubelet(ctx).logs(ns, name, { container }));
  else {
    try {
      await runAttach(ctx, { pod: ready, container, stdin: flagBool(ctx.flags, 'stdin'), tty: flagBool(ctx.flags, 'tty'), quiet });
    } catch (e) {
      if (e instanceof Interrupted || e instanceof InterruptExit) throw e;
      const err = upgradeError(e);
      ctx.io.err(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${err instanceof Error ? (isApiError(err) ? err.status.message : err.message) : String(err)}\n`);
      ctx.io.out(kubelet(ctx).logs(ns, name, { container }));
    }
  }
  const restart = flagString(ctx.flags, 'restart') || 'Always';
  if (flagBool(ctx.flags, 'leave-stdin-open') || restart === 'Always') return 0;
  // Never: any end will do; OnFailure: only success ends it (the kubelet restarts failures).
  const done = await waitForPod(ctx, ns, name, timeoutMs, (p) => (restart === 'Never' ? ['Succeeded', 'Failed'].includes(podPhase(p)) : podPhase(p) === 'Succeeded'));
  return exitCodeOf(done);
}

interface TerminatedView {
  metadata: { namespace?: string; name?: string };
  status?: { phase?: string; containerStatuses?: { state?: { terminated?: { exitCode: number; reason?: string; message?: string } } }[] };
}

/** run.go: Succeeded → 0; Failed → the first container's exit code (uexec.CodeExitError). */
function exitCodeOf(pod: KubeObject): number {
  const p = pod as unknown as TerminatedView;
  const id = `${p.metadata.namespace}/${p.metadata.name}`;
  const phase = p.status?.phase;
  if (phase === 'Succeeded') return 0;
  if (phase !== 'Failed') throw new KubectlError(`pod ${id} left in phase ${phase}`);
  const term = p.status?.containerStatuses?.[0]?.state?.terminated;
  if (!term || term.exitCode === 0) throw new KubectlError(`pod ${id} failed with unknown exit code`);
  // CheckErr prints an ExitError's text as it is (no "error: " prefix) and exits with its code.
  throw new KubectlError(`pod ${id} terminated (${term.reason ?? ''})\n${term.message ?? ''}`, term.exitCode, true);
}

/** removeCreatedObjects: delete.go's DeleteResult for each object (IgnoreNotFound, no wait). */
function removeCreated(ctx: CommandContext, created: KubeObject[]): void {
  for (const obj of created) {
    const def = ctx.api.resolve(obj.kind === 'Service' ? 'services' : 'pods')!;
    const ns = obj.metadata.namespace ?? ctx.namespace;
    try {
      ctx.api.delete(def, ns, obj.metadata.name!, {});
    } catch (e) {
      if (isApiError(e) && e.status.reason === 'NotFound') continue;
      throw e;
    }
    if (!flagBool(ctx.flags, 'quiet')) ctx.io.out(`${obj.kind.toLowerCase()} "${obj.metadata.name}" deleted\n`);
  }
}

/** run's --port is a string flag; kubectl parses it as an int32 (empty = none). */
function runPort(ctx: CommandContext): number {
  const v = flagString(ctx.flags, 'port');
  if (!v) return -1;
  if (!/^-?\d+$/.test(v)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}
