import { ApiError, isApiError } from '../api/errors';
import type { Clock } from '../base/clock';
import { Interrupted, KubectlError, type CommandIO } from './types';

/**
 * Several errors reported together (utilerrors.Aggregate): CheckErr prints
 * one line per error; an aggregate of one is unwrapped.
 */
export class AggregateError extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(', '));
    this.name = 'AggregateError';
  }
}

/** The exit status of a command that already printed its own error (cmdutil.ErrExit). */
export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super('exit');
    this.name = 'ExitError';
  }
}

/**
 * kubectl/pkg/cmd/util/helpers.go checkErr: prints `err` to stderr the way
 * kubectl does and returns the exit code.
 */
export function checkErr(err: unknown, io: CommandIO): number {
  if (err instanceof AggregateError && err.errors.length === 1) err = err.errors[0];
  if (err instanceof ExitError) return err.exitCode;
  // Ctrl-C: the process dies of SIGINT, printing nothing (exit 130).
  if (err instanceof Interrupted) return 130;
  if (isApiError(err) && err.reason === 'Invalid') return fatal(io, invalidMessage(err));
  if (err instanceof AggregateError) return fatal(io, err.errors.map((e) => standardMessage(e)).join('\n'));
  if (err instanceof KubectlError) return fatal(io, err.raw ? err.message : withErrorPrefix(err.message), err.exitCode);
  if (err instanceof Error) return fatal(io, standardMessage(err));
  return fatal(io, withErrorPrefix(String(err)));
}

function fatal(io: CommandIO, msg: string, code = 1): number {
  if (msg.length > 0) io.err(msg.endsWith('\n') ? msg : `${msg}\n`);
  return code;
}

function withErrorPrefix(msg: string): string {
  return msg.startsWith('error: ') ? msg : `error: ${msg}`;
}

/** StandardErrorMessage (helpers.go), falling back to `error: <msg>`. */
export function standardMessage(err: Error): string {
  if (isApiError(err)) {
    const s = err.status;
    if (s.reason === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
    if (s.reason === 'Invalid') return invalidMessage(err).replace(/\n$/, '');
    if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
    return `Error from server: ${s.message}`;
  }
  if (err instanceof KubectlError && err.raw) return err.message;
  return withErrorPrefix(err.message);
}

/** The IsInvalid branch of checkErr: `The Kind "name" is invalid: …` with MultilineError. */
function invalidMessage(err: ApiError): string {
  const d = err.status.details;
  let s = 'The request is invalid';
  if (!d) return err.status.message ? `${s}: ${err.status.message}` : s;
  if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (err.status.message && !d.causes?.length) s += `: ${err.status.message}`;
  const causes = d.causes ?? [];
  if (causes.length === 0) return s;
  const lines = causes.map((c) => `${c.field ?? ''}: ${c.message}`);
  if (lines.length === 1) return `${s}: ${lines[0]}\n`;
  return `${s}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}

/**
 * cmdutil.AddSourceToErr: `error when creating "x.yaml": <message>` inside an
 * API error's message (so it prints as `Error from server (AlreadyExists): error when creating …`).
 */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source || !isApiError(err)) return err;
  const status = { ...err.status, message: `error when ${verb} ${JSON.stringify(source)}: ${err.status.message}` };
  return new ApiError(status);
}

let klogPid = 0;

/** Sets the process id shown in klog lines (deterministic per session). */
export function setKlogPid(pid: number): void {
  klogPid = pid;
}

/** A klog header line: `W1122 00:18:43.943455   16343 helpers.go:702] msg`. */
export function klogLine(severity: 'E' | 'W' | 'I', clock: Clock, source: string, msg: string): string {
  const iso = new Date(clock.nowMs()).toISOString(); // 2026-11-22T00:18:43.943Z
  const mmdd = iso.slice(5, 7) + iso.slice(8, 10);
  const time = `${iso.slice(11, 23)}000`;
  const pid = String(klogPid || 1).padStart(7, ' ');
  return `${severity}${mmdd} ${time} ${pid} ${source}] ${msg}\n`;
}
