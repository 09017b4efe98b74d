import { ROLES } from '../../shared/contract/auth.js';

/** viewer < analyst < editor < admin. */
export type Role = (typeof ROLES)[number];
export { ROLES };

/** What a route requires: a role, or `public` (anyone, even without logging in). */
export type Requirement = Role | 'public';

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
