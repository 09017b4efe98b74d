import { describe, expect, it } from 'vitest';
import { accessMode, isLoopbackHost } from '../../server/auth/access-mode.js';
import { hashPassword, verifyPassword } from '../../server/auth/password.js';
import { hasRole } from '../../server/auth/roles.js';
import { routeFor } from '../../server/auth/route-roles.js';
import { newSecret, sha256, TOKEN_PREFIX } from '../../server/auth/secrets.js';
import { TokenBuckets } from '../../server/http/rate-limit.js';
import { redactUrl } from '../../server/http/logger.js';

describe('passwords', () => {
  it('hashes with scrypt and a fresh salt each time, and verifies', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});

describe('secrets', () => {
  it('are random, prefixed for API tokens, stored as SHA-256', () => {
    const token = newSecret(TOKEN_PREFIX);
    expect(token).toMatch(/^tl_[\w-]{43}$/);
    expect(newSecret()).not.toBe(newSecret());
    expect(sha256(token)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('roles', () => {
  it('are ordered viewer < analyst < editor < admin', () => {
    expect(hasRole('admin', 'viewer')).toBe(true);
    expect(hasRole('editor', 'analyst')).toBe(true);
    expect(hasRole('analyst', 'editor')).toBe(false);
    expect(hasRole('viewer', 'analyst')).toBe(false);
  });

  it('are looked up per route like Express matches: any case, trailing slash, HEAD as GET', () => {
    expect(routeFor('GET', '/nodes/person%3Aa')?.requirement).toBe('viewer');
    expect(routeFor('GET', '/NODES/x/')?.requirement).toBe('viewer');
    expect(routeFor('HEAD', '/users')?.requirement).toBe('admin');
    expect(routeFor('POST', '/queries/x/run')?.requirement).toBe('analyst');
    expect(routeFor('GET', '/nodes/a/b')).toBeUndefined();
    expect(routeFor('GET', '/nodes/..%2fusers')?.key).toBe('GET /nodes/:id');
  });
});

describe('access mode', () => {
  it('needs no login on loopback, logins elsewhere, and refuses AUTH=off off loopback', () => {
    expect(accessMode({ HOST: '127.0.0.1', AUTH: 'auto' })).toBe('local');
    expect(accessMode({ HOST: 'localhost', AUTH: 'auto' })).toBe('local');
    expect(accessMode({ HOST: '::1', AUTH: 'auto' })).toBe('local');
    expect(accessMode({ HOST: '0.0.0.0', AUTH: 'auto' })).toBe('login');
    expect(accessMode({ HOST: '127.0.0.1', AUTH: 'on' })).toBe('login');
    expect(() => accessMode({ HOST: '0.0.0.0', AUTH: 'off' })).toThrow(/npm run user -- add/);
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.evil.example')).toBe(false);
  });
});

describe('rate limit buckets', () => {
  it('allow a burst, then one token per 60/perMinute seconds, and say how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(20);
    expect(buckets.take('b')).toBe(0);
    now = 20_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });
});

describe('log URLs', () => {
  it('mask query parameters marked secret', () => {
    expect(redactUrl('/api/search?q=rubio&token=tl_abc&Password=hunter2')).toBe('/api/search?q=rubio&token=[redacted]&Password=[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});
