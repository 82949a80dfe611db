import type { ClusterContext } from '../sim/context';
import { installServiceAccountController } from './serviceaccounts/controller';
import { installRootCaPublisher } from './rootca/publisher';

/**
 * Security subsystem: the small controllers that belong with service
 * accounts and RBAC. Installed by api/admission's installAdmission.
 */
export function installSecurity(ctx: ClusterContext): void {
  installServiceAccountController(ctx);
  installRootCaPublisher(ctx);
}
