import { describe, expect, it } from 'vitest';
import { newApiServer } from '../testing/api-server';
import { encodeBase64 } from '../base64';
import { KEY_POOL } from '../../security/pki/key-pool';
import { parsePrivateKey } from '../../security/pki/rsa';
import { createCsr } from '../../security/pki/x509';
import type { KubeObject } from '../types';

const REQUEST = encodeBase64(createCsr(parsePrivateKey(KEY_POOL[1])!, [{ short: 'CN', value: 'jane' }]));

function csr(spec: Record<string, unknown>, name = 'jane'): KubeObject {
  return { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', metadata: { name }, spec: { request: REQUEST, signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], ...spec } } as KubeObject;
}

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('CertificateSigningRequest (pkg/apis/certificates/validation, registry strategy)', () => {
  it('fills the requestor from the user and clears status on create', () => {
    const api = newApiServer().api();
    const made = api.create({ ...csr({ username: 'forged', groups: ['system:masters'] }), status: { certificate: 'Zm9v' } } as KubeObject);
    expect(made.spec.username).toBe('kubernetes-admin');
    expect(made.spec.groups).toEqual(['kubeadm:cluster-admins', 'system:authenticated']);
    expect(made.status).toEqual({});
    expect(made.metadata.generation).toBe(1);
  });

  it("rejects bad specs with the API server's messages", () => {
    const api = newApiServer().api();
    expect(message(() => api.create(csr({ signerName: '' })))).toBe('CertificateSigningRequest.certificates.k8s.io "jane" is invalid: spec.signerName: Required value');
    expect(message(() => api.create(csr({ signerName: 'kubernetes.io/legacy-unknown' })))).toBe(
      'CertificateSigningRequest.certificates.k8s.io "jane" is invalid: spec.signerName: Invalid value: "kubernetes.io/legacy-unknown": the legacy signerName is not allowed via this API version',
    );
    expect(message(() => api.create(csr({ signerName: 'nope' })))).toBe(
      "CertificateSigningRequest.certificates.k8s.io \"jane\" is invalid: spec.signerName: Invalid value: \"nope\": must be a fully qualified domain and path of the form 'example.com/signer-name'",
    );
    expect(message(() => api.create(csr({ usages: [] })))).toBe('CertificateSigningRequest.certificates.k8s.io "jane" is invalid: spec.usages: Required value');
    expect(message(() => api.create(csr({ usages: ['client auth', 'client auth'] })))).toBe('CertificateSigningRequest.certificates.k8s.io "jane" is invalid: spec.usages[1]: Duplicate value: "client auth"');
    expect(message(() => api.create(csr({ usages: ['client'] })))).toContain('spec.usages[0]: Unsupported value: "client": supported values: "any", "cert sign", "client auth"');
    expect(message(() => api.create(csr({ expirationSeconds: 60 })))).toBe(
      'CertificateSigningRequest.certificates.k8s.io "jane" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 600 seconds (10 minutes)',
    );
    expect(message(() => api.create(csr({ request: 'not base64!' })))).toBe(
      'CertificateSigningRequest in version "v1" cannot be handled as a CertificateSigningRequest: illegal base64 data at input byte 3',
    );
    expect(message(() => api.create(csr({}, 'a/b')))).toContain("metadata.name: Invalid value: \"a/b\": may not contain '/'");
  });

  it('keeps Approved and Denied exclusive and conditions from being removed', () => {
    const api = newApiServer().api();
    const made = api.create(csr({}));
    const approved = api.updateStatus({ ...made, status: { conditions: [{ type: 'Approved', status: 'True', reason: 'r', message: 'm' }] } } as KubeObject, {}, 'approval');
    expect(message(() => api.updateStatus({ ...approved, status: { conditions: [...approved.status.conditions, { type: 'Denied', status: 'True' }] } } as KubeObject))).toContain(
      'status.conditions[1].type: Invalid value: "Denied": Approved and Denied conditions are mutually exclusive',
    );
    expect(message(() => api.updateStatus({ ...approved, status: { conditions: [] } } as KubeObject))).toContain('status.conditions: Forbidden: updates may not remove a condition of type "Approved"');
  });
});
