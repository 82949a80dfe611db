import type { ClusterContext } from '../sim/context';
import { installServiceAccountController } from './serviceaccounts/controller';
import { installRootCaPublisher } from './rootca/publisher';
import { installRbac } from './rbac';

export { serviceAccountUser, impersonatedUser, type RbacService } from './rbac';

/**
 * Security subsystem: RBAC (bootstrap policy, aggregation, authorizer and
 * access reviews) and the small controllers that belong with service
 * accounts. Installed by api/admission's installAdmission.
 */
export function installSecurity(ctx: ClusterContext): void {
  installRbac(ctx);
  installServiceAccountController(ctx);
  installRootCaPublisher(ctx);
}
