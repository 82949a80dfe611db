import type { ClusterContext } from '../sim/context';
import { Interrupted, type KubeconfigState, type KubectlHost } from '../kubectl/types';
import { parseKubeconfig, renderKubeconfig } from './kubeconfig';
import type { Shell } from './shell';
import { VirtualFs } from './vfs';

/** What the session adds to a kubectl host beyond the shell: interactive attachments. */
export interface KubectlSessionHooks {
  /** `kubectl run -it` / `attach -it`: the terminal talks to the container's main process until it ends. */
  attach?: KubectlHost['attach'];
  /** `kubectl exec -it … -- sh`: a shell inside the container until `exit`; resolves with its exit code. */
  openContainerShell?(opts: { namespace: string; pod: string; container: string; command: string[] }): Promise<number>;
  /** `kubectl port-forward`: registers local ports → pod ports (see session/port-forward.ts). */
  portForward?(opts: { namespace: string; pod: string; ports: { local: number; remote: number }[]; address: string[] }): { close(): void };
  /** kubectl catches Ctrl-C (raw TTY, interrupt handler) until the returned release is called; see Session.catchInterrupt. */
  catchInterrupt?(onCtrlC: () => void): () => void;
}

const KUBECONFIG_PATH = '/root/.kube/config';
const PARSED = new WeakMap<Shell, { text: string | undefined; json: string }>();

/**
 * kubectl's view of the machine it runs on: the shell's virtual filesystem,
 * cwd, ~/.kube/config (re-read before each command so hand edits count,
 * written back when a `kubectl config` command changed it), the editor and
 * the virtual clock of the running line.
 */
export class ShellKubectlHost implements KubectlHost {
  kubeconfig: KubeconfigState;
  /** True when the command was started with `&` (port-forward then returns at once). */
  background = false;
  /** True for commands that never end on their own (get -w, logs -f, port-forward, attach). */
  streaming = false;
  /** True when kubectl's stdin is the terminal (a single plain command line), not a pipe or a file. */
  stdinTerminal = true;
  private written: string;
  /** `--kubeconfig FILE`: the file this command reads and writes instead of $KUBECONFIG / ~/.kube/config. */
  private pathOverride?: string;
  private createOnWrite = false;
  editCount = 0;

  constructor(
    readonly cluster: ClusterContext,
    private readonly shell: Shell,
    private readonly cwdPath: string,
    private readonly hooks: KubectlSessionHooks,
    fallback: KubeconfigState,
  ) {
    const path = this.kubeconfigPath();
    const text = shell.fs.readSync(path);
    // Parsing YAML per command costs more than the command: keep the last parse per file text.
    let cached = PARSED.get(shell);
    if (!cached || cached.text !== text) {
      const state = (text !== undefined ? parseKubeconfig(text) : undefined) ?? fallback;
      cached = { text, json: JSON.stringify(state) };
      PARSED.set(shell, cached);
    }
    this.kubeconfig = JSON.parse(cached.json) as KubeconfigState;
    this.written = text !== undefined ? cached.json : '';
    // $KUBECONFIG naming a file that does not exist yet: kubectl starts from an empty config and
    // creates the file on the first write (clientcmd's loading rules; ModifyConfig).
    if (text === undefined && shell.env().KUBECONFIG) {
      this.kubeconfig = { currentContext: '', contexts: [], clusters: [], users: [] };
      this.written = JSON.stringify(this.kubeconfig);
      this.createOnWrite = true;
    }
    if (hooks.attach) this.attach = hooks.attach;
    this.openContainerShell = hooks.openContainerShell;
    this.portForward = hooks.portForward;
    this.catchInterrupt = hooks.catchInterrupt;
  }

  openContainerShell: KubectlSessionHooks['openContainerShell'];
  portForward: KubectlSessionHooks['portForward'];
  catchInterrupt: KubectlSessionHooks['catchInterrupt'];

  attach?: KubectlHost['attach'];

  /**
   * `kubectl --kubeconfig FILE`: reads that file instead (clientcmd's
   * ExplicitPath). `create` (the `config set-*` commands) makes a missing file,
   * as kubectl's ModifyConfig does; otherwise a missing file is left for
   * resolveConnection to report.
   */
  useKubeconfigFile(path: string, create: boolean): void {
    const abs = path === '~' || path.startsWith('~/') ? VirtualFs.normalize(this.shell.home, path.slice(2)) : VirtualFs.normalize(this.cwdPath, path);
    let text = this.shell.fs.readSync(abs);
    if (text === undefined && create) {
      text = '';
      this.shell.fs.writeFileSync(abs, renderKubeconfig({ currentContext: '', contexts: [], clusters: [], users: [] }));
    }
    if (text === undefined) return;
    this.pathOverride = abs;
    const state = parseKubeconfig(text) ?? { currentContext: '', contexts: [], clusters: [], users: [] };
    this.kubeconfig = state;
    this.written = JSON.stringify(state);
  }

  kubeconfigPath(): string {
    if (this.pathOverride) return this.pathOverride;
    const env = this.shell.env().KUBECONFIG;
    return env ? VirtualFs.normalize(this.cwdPath, env.split(':')[0]) : KUBECONFIG_PATH;
  }

  /** Writes ~/.kube/config back if the command changed the kubeconfig state. */
  persistKubeconfig(): void {
    if (this.written === '' || JSON.stringify(this.kubeconfig) === this.written) return;
    const path = this.kubeconfigPath();
    if (!this.createOnWrite && !this.shell.fs.existsSync(path)) return;
    const text = renderKubeconfig(this.kubeconfig);
    this.shell.fs.writeFileSync(path, text);
    PARSED.set(this.shell, { text, json: JSON.stringify(this.kubeconfig) });
  }

  cwd(): string {
    return this.cwdPath;
  }

  stdinIsTerminal(): boolean {
    return this.stdinTerminal;
  }

  /** Set by the shell's kubectl command: true when it writes straight to the terminal. */
  stdoutTerminal = false;

  stdoutIsTerminal(): boolean {
    return this.stdoutTerminal;
  }

  /** Set by the shell's kubectl command (it holds the collected stderr). */
  flushStderr?: () => void;

  private abs(path: string): string {
    if (path === '~' || path.startsWith('~/')) return VirtualFs.normalize(this.shell.home, path.slice(2));
    return VirtualFs.normalize(this.cwdPath, path);
  }

  readFile(path: string): string | undefined {
    return this.shell.fs.readSync(this.abs(path));
  }

  writeFile(path: string, content: string): void {
    this.shell.fs.writeFileSync(this.abs(path), content);
  }

  isDirectory(path: string): boolean {
    return this.shell.fs.isDirectorySync(this.abs(path));
  }

  listDir(path: string): string[] {
    return this.shell.fs.listSync(this.abs(path));
  }

  async edit(content: string, fileName: string): Promise<string | null> {
    this.editCount++;
    const path = fileName.startsWith('/') ? fileName : `/tmp/${fileName}`;
    return this.shell.current().edit(path, content);
  }

  async sleep(ms: number): Promise<void> {
    const run = this.shell.current();
    if (run.interrupted()) throw new Interrupted();
    await run.sleep(ms, this.streaming);
    if (run.interrupted()) throw new Interrupted();
  }

  interrupted(): boolean {
    return this.shell.current().interrupted();
  }

  columns(): number {
    return 80;
  }
}
