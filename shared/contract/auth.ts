/** Users, sessions and API tokens on the wire. */
import { z } from 'zod';

/** Each role can do everything the one before it can. */
export const ROLES = ['viewer', 'analyst', 'editor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
/** viewer < analyst < editor < admin. */
export type Role = (typeof ROLES)[number];
/** What an operation requires: a role (or any above it), or `public` (anyone, even without logging in). */
export type Requirement = Role | 'public';

export const UserNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit');

export const PasswordSchema = z.string().min(10, 'must be at least 10 characters').max(1024);

export const LoginInputSchema = z.strictObject({
  name: z.string().max(64),
  password: z.string().max(1024),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const MeSchema = z.object({
  user: z.object({ name: z.string(), role: RoleSchema }),
  /** `local`: logins are off (bound to loopback) and everyone here is the local admin. */
  mode: z.enum(['local', 'login']),
  via: z.enum(['local', 'session', 'token']),
});
export type Me = z.infer<typeof MeSchema>;

export const UserSchema = z.object({ name: z.string(), role: RoleSchema, createdAt: z.string() });
export type User = z.infer<typeof UserSchema>;
export const UserListSchema = z.object({ users: z.array(UserSchema) });
export type UserList = z.infer<typeof UserListSchema>;

export const UserInputSchema = z.strictObject({ name: UserNameSchema, role: RoleSchema, password: PasswordSchema });
export type UserInput = z.infer<typeof UserInputSchema>;
export const UserNameParamsSchema = z.object({ name: UserNameSchema });

export const TokenSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export type Token = z.infer<typeof TokenSchema>;
export const TokenListSchema = z.object({ tokens: z.array(TokenSchema) });
export type TokenList = z.infer<typeof TokenListSchema>;
/** The only time the secret is shown: keep it, it cannot be read again. */
export const CreatedTokenSchema = TokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export const TokenInputSchema = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const TokenIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not a token id') });
