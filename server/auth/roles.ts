import { ROLES, type Role } from '../../shared/contract/auth.js';

export { ROLES };
export type { Requirement, Role } from '../../shared/contract/auth.js';

export function hasRole(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Who is asking: a logged-in user (session or token), or the local user when logins are off. */
export interface Identity {
  name: string;
  role: Role;
  via: 'local' | 'session' | 'token';
  /** For `session`: the hash of the session cookie, so logout can delete it. */
  sessionHash?: string;
}
