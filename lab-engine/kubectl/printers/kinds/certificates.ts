/** printCertificateSigningRequest / extractCSRStatus (pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../../api/types';
import { type KindPrinter, col } from '../types';
import { age } from '../helpers';
import { humanDuration } from '../../util/duration';

/** `Denied`/`Approved`/`Pending`, then `,Failed` and `,Issued`. */
export function csrCondition(csr: KubeObject): string {
  const types = new Set(((csr.status?.conditions ?? []) as { type: string }[]).map((c) => c.type));
  let status = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) status += ',Failed';
  if (csr.status?.certificate) status += ',Issued';
  return status;
}

export const certificateSigningRequestPrinter: KindPrinter = {
  columns: [col('Name'), col('Age'), col('SignerName', 'string', 0, ''), col('Requestor', 'string', 0, ''), col('RequestedDuration', 'string', 0, ''), col('Condition', 'string', 0, '')],
  row: (o, ctx) => [
    o.metadata.name,
    age(o, ctx.nowMs),
    o.spec?.signerName || '<none>',
    o.spec?.username ?? '',
    typeof o.spec?.expirationSeconds === 'number' ? humanDuration(o.spec.expirationSeconds * 1000) : '<none>',
    csrCondition(o),
  ],
};
