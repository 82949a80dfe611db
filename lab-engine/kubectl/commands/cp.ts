import type { CommandContext, CommandSpec } from '../types';
import { KubectlError } from '../types';
import { flagString } from '../args';
import { chooseContainer, kubelet } from './shell-support';
import type { ContainerFs } from '../../kubelet/types';
import { resolveImage } from '../../kubelet/images/catalogue';

/**
 * `kubectl cp <file-spec-src> <file-spec-dest>` where a pod side is
 * `[namespace/]pod:path` (kubectl/pkg/cmd/cp/cp.go). Copies files and
 * directories between the shell's filesystem and the container's through the
 * kubelet. Like kubectl, which runs `tar cf - <path>` in the container and
 * passes its stderr through, an absolute source path prints the container's
 * tar warning: GNU tar's `tar: Removing leading `/' from member names`, or
 * busybox's `tar: removing leading '/' from member names`.
 */
interface Spec {
  pod?: string;
  namespace?: string;
  path: string;
}

function parseSpec(s: string): Spec {
  const i = s.indexOf(':');
  if (i <= 0 || s.startsWith('/') || s.startsWith('.')) return { path: s };
  const left = s.slice(0, i);
  const path = s.slice(i + 1);
  const slash = left.indexOf('/');
  return slash >= 0 ? { namespace: left.slice(0, slash), pod: left.slice(slash + 1), path } : { pod: left, path };
}

/** The stripping warning of the tar the container's image ships (busybox tar.c vs GNU tar's names.c). */
function tarLeadingSlashWarning(pod: { spec?: { containers?: { name: string; image?: string }[] } }, container: string): string {
  const image = pod.spec?.containers?.find((c) => c.name === container)?.image;
  const flavour = image ? resolveImage(image)?.spec.shell : undefined;
  return flavour === 'busybox' ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n";
}

function copyIntoPod(ctx: CommandContext, cfs: ContainerFs, local: string, remote: string, depth = 0): void {
  if (depth > 32) return;
  if (ctx.host.isDirectory(local)) {
    cfs.mkdir(remote, { parents: true });
    for (const name of ctx.host.listDir(local)) copyIntoPod(ctx, cfs, `${local}/${name}`, `${remote}/${name}`, depth + 1);
    return;
  }
  const content = ctx.host.readFile(local);
  if (content === undefined) throw new KubectlError(`${local} doesn't exist in local filesystem`);
  cfs.write(remote, content);
}

function copyFromPod(ctx: CommandContext, cfs: ContainerFs, remote: string, local: string, depth = 0): void {
  if (depth > 32) return;
  const st = cfs.stat(remote);
  if (!st) throw new KubectlError(`tar: ${remote.replace(/^\//, '')}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors`);
  if (st.type === 'dir') {
    for (const name of cfs.list(remote) ?? []) copyFromPod(ctx, cfs, `${remote}/${name}`, `${local}/${name}`, depth + 1);
    return;
  }
  ctx.host.writeFile(local, cfs.read(remote) ?? '');
}

export const cpCommand: CommandSpec = {
  use: 'cp <file-spec-src> <file-spec-dest>',
  short: 'Copy files and directories to and from containers',
  flags: [],
  async run(ctx: CommandContext): Promise<number> {
    const [srcArg, dstArg] = ctx.flags.args;
    if (!srcArg || !dstArg || ctx.flags.args.length !== 2) throw new KubectlError('source and destination are required');
    const src = parseSpec(srcArg);
    const dst = parseSpec(dstArg);
    if ((src.pod && dst.pod) || (!src.pod && !dst.pod)) throw new KubectlError('one of src or dest must be a local file specification');
    const remote = src.pod ? src : dst;
    const namespace = remote.namespace ?? ctx.namespace;
    const pod = ctx.api.get(ctx.api.resolve('pods')!, namespace, remote.pod!);
    const container = chooseContainer(ctx, pod, flagString(ctx.flags, 'container'), false);
    const cfs = kubelet(ctx).containerFs(namespace, remote.pod!, container);
    if (src.pod) {
      if (src.path.startsWith('/')) ctx.io.err(tarLeadingSlashWarning(pod as Parameters<typeof tarLeadingSlashWarning>[0], container));
      copyFromPod(ctx, cfs, src.path, dst.path);
    } else {
      const target = cfs.stat(dst.path)?.type === 'dir' ? `${dst.path.replace(/\/$/, '')}/${src.path.split('/').pop()}` : dst.path;
      copyIntoPod(ctx, cfs, src.path, target);
    }
    return 0;
  },
};
