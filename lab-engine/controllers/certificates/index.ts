import type { ClusterContext } from '../../sim/context';
import type { Topology } from '../../sim/topology';
import { CsrSigningController } from './signer';
import { installPkiService } from './pki-service';

export { clusterPkiOf } from './pki-service';
export { CsrSigningController, CSR_RESOURCE } from './signer';

/** kube-controller-manager's certificates controllers (csrsigning) and the cluster PKI they sign with. */
export function installCertificates(ctx: ClusterContext, topology: Topology): CsrSigningController {
  installPkiService(ctx, topology);
  return new CsrSigningController(ctx);
}
