/**
 * `kubectl certificate approve|deny` (kubectl/pkg/cmd/certificates/certificates.go):
 * adds an Approved/Denied condition through the approval subresource, refuses
 * to flip an already denied/approved request, prints `<kind>/<name> approved`.
 */
import type { KubeObject } from '../../api/types';
import { cloneJson } from '../../api/clone';
import type { CommandContext, CommandSpec, FlagSpec } from '../types';
import { KubectlError } from '../types';
import { AggregateError } from '../check-err';
import { flagBool, flagStrings } from '../args';
import { printResult } from '../flags';
import { selectObjects } from '../resource-builder';
import { helpText } from '../help/flags-from-help';

const PRINT_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', defValue: 'true', usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  { name: 'filename', shorthand: 'f', type: 'stringSlice', defValue: '[]', usage: 'Filename, directory, or URL to files identifying the resource to update' },
  { name: 'kustomize', shorthand: 'k', type: 'string', defValue: '', usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
  { name: 'output', shorthand: 'o', type: 'string', defValue: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  { name: 'recursive', shorthand: 'R', type: 'bool', defValue: 'false', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'show-managed-fields', type: 'bool', defValue: 'false', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  { name: 'template', type: 'string', defValue: '', usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].' },
];

interface Decision {
  mustNotHave: string;
  type: string;
  reason: string;
  message: string;
  operation: string;
}

const APPROVE: Decision = { mustNotHave: 'Denied', type: 'Approved', reason: 'KubectlApprove', message: 'This CSR was approved by kubectl certificate approve.', operation: 'approved' };
const DENY: Decision = { mustNotHave: 'Approved', type: 'Denied', reason: 'KubectlDeny', message: 'This CSR was denied by kubectl certificate deny.', operation: 'denied' };

function runDecision(ctx: CommandContext, d: Decision): number {
  if (ctx.flags.args.length === 0 && flagStrings(ctx.flags, 'filename').length === 0) {
    throw new KubectlError('one or more CSRs must be specified as <name> or -f <filename>');
  }
  const args = ctx.flags.args.length > 0 ? ['certificatesigningrequests', ...ctx.flags.args] : [];
  const { infos, errors } = selectObjects(ctx, { args, files: true });
  const failures: Error[] = [...errors];
  let found = 0;
  for (const info of infos) {
    const csr = info.object;
    if (csr.kind !== 'CertificateSigningRequest') {
      failures.push(new KubectlError(`can only handle CertificateSigningRequest.certificates.k8s.io objects, got ${csr.kind}`));
      continue;
    }
    const conditions = (csr.status?.conditions ?? []) as { type: string }[];
    const blocking = conditions.find((c) => c.type === d.mustNotHave);
    if (blocking) {
      failures.push(new KubectlError(`certificate signing request "${csr.metadata.name}" is already ${blocking.type}`));
      continue;
    }
    const has = conditions.some((c) => c.type === d.type);
    if (!has || flagBool(ctx.flags, 'force')) ctx.api.updateStatus(withCondition(ctx, csr, d), {}, 'approval');
    found++;
    printResult(ctx, csr, { operation: d.operation });
  }
  if (found === 0 && failures.length === 0) ctx.io.out('No resources found\n');
  if (failures.length > 0) throw new AggregateError(failures);
  return 0;
}

/** addConditionIfNeeded; the API server stamps lastTransitionTime (strategy populateConditionTimestamps). */
function withCondition(ctx: CommandContext, csr: KubeObject, d: Decision): KubeObject {
  const next = cloneJson(csr);
  const now = ctx.host.cluster.clock.nowRfc3339();
  next.status = { ...(next.status ?? {}) };
  next.status.conditions = [...(next.status.conditions ?? []), { lastTransitionTime: now, lastUpdateTime: now, message: d.message, reason: d.reason, status: 'True', type: d.type }];
  return next;
}

const approve: CommandSpec = {
  use: 'approve (-f FILENAME | NAME)',
  short: 'Approve a certificate signing request',
  flags: [...PRINT_FLAGS, { name: 'force', type: 'bool', defValue: 'false', usage: 'Update the CSR even if it is already approved.' }],
  run: (ctx) => runDecision(ctx, APPROVE),
};

const deny: CommandSpec = {
  use: 'deny (-f FILENAME | NAME)',
  short: 'Deny a certificate signing request',
  flags: [...PRINT_FLAGS, { name: 'force', type: 'bool', defValue: 'false', usage: 'Update the CSR even if it is already denied.' }],
  run: (ctx) => runDecision(ctx, DENY),
};

/** NewCmdCertificate's Run is cmd.Help(): the help on stdout, exit 0 (not DefaultSubCommandRun). */
export const certificate: CommandSpec = {
  use: 'certificate SUBCOMMAND',
  short: 'Modify certificate resources.',
  flags: [],
  subcommands: [approve, deny],
  run(ctx) {
    ctx.io.out(helpText('certificate') ?? '');
    return 0;
  },
};
