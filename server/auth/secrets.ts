/** Random bearer secrets (session cookies, API tokens) and their stored form: only the SHA-256 is kept. */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'tl_';

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
