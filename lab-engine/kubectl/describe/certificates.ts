/** CertificateSigningRequestDescriber / describeCertificateSigningRequest (kubectl/pkg/describe/describe.go). */
import type { KubeObject } from '../../api/types';
import { decodeBase64 } from '../../api/base64';
import { parseCsr } from '../../security/pki/x509';
import { KubectlError } from '../types';
import { csrCondition } from '../printers/kinds/certificates';
import { formatLabels } from '../printers/helpers';
import { humanDuration, rfc1123z } from '../util/duration';
import { describeEvents } from './common';
import type { DescribeEnv } from './workloads';
import { LEVEL_0, PrefixWriter } from './writer';

const SUBJECT_FIELDS: [string, string][] = [
  ['O', 'Organization'], ['OU', 'Organizational Unit'], ['C', 'Country'], ['L', 'Locality'], ['ST', 'Province'],
];

export function describeCertificateSigningRequest(csr: KubeObject, env: DescribeEnv): string {
  const parsed = parseCsr(decodeBase64(String(csr.spec?.request ?? '')));
  if (!parsed.ok) throw new KubectlError(`Error parsing CSR: ${parsed.error}`);
  const req = parsed.value;
  const w = new PrefixWriter();
  const list = (prefix: string, name: string, values: string[]) => {
    if (values.length === 0) return;
    w.write(LEVEL_0, `${prefix}${name}:\t${values.join(`\n${prefix}\t`)}\n`);
  };
  w.write(LEVEL_0, `Name:\t${csr.metadata.name}\n`);
  w.write(LEVEL_0, `Labels:\t${formatLabels(csr.metadata.labels)}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatLabels(csr.metadata.annotations)}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(csr.metadata.creationTimestamp!)}\n`);
  w.write(LEVEL_0, `Requesting User:\t${csr.spec?.username ?? ''}\n`);
  if (csr.spec?.signerName) w.write(LEVEL_0, `Signer:\t${csr.spec.signerName}\n`);
  if (typeof csr.spec?.expirationSeconds === 'number') w.write(LEVEL_0, `Requested Duration:\t${humanDuration(csr.spec.expirationSeconds * 1000)}\n`);
  w.write(LEVEL_0, `Status:\t${csrCondition(csr)}\n`);
  w.write(LEVEL_0, 'Subject:\n');
  const first = (short: string) => req.subject.find((n) => n.short === short)?.value ?? '';
  w.write(LEVEL_0, `\tCommon Name:\t${first('CN')}\n`);
  w.write(LEVEL_0, `\tSerial Number:\t${first('serialNumber')}\n`);
  for (const [short, title] of SUBJECT_FIELDS) list('\t', title, req.subject.filter((n) => n.short === short).map((n) => n.value));
  if (req.dnsNames.length + req.ipAddresses.length > 0) {
    w.write(LEVEL_0, 'Subject Alternative Names:\n');
    list('\t', 'DNS Names', req.dnsNames);
    list('\t', 'IP Addresses', req.ipAddresses);
  }
  if (env.events) describeEvents(w, env.events, env.nowMs);
  return w.toString();
}
