import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { javaMajor } from '../../server/db/toolchain.js';

describe('javaMajor', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_392"', 8],
    ['no java here', null],
  ])('reads %s as %s', (output, major) => {
    expect(javaMajor(output)).toBe(major);
  });
});

describe('loadConfig', () => {
  it('has defaults for a laptop', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 3000, NEO4J_BOLT_PORT: 7687, NEO4J_USER: 'neo4j', NEO4J_DATA_DIR: '.data' });
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('accepts Aura and cluster URIs', () => {
    for (const uri of ['neo4j+s://abc.databases.neo4j.io', 'neo4j://cluster:7687', 'bolt://db:7687', 'bolt+s://db:7687']) {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    }
  });

  it('lists every bad variable in one readable message', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x', NEO4J_PASSWORD: 'short' })).toThrow(
      /Invalid configuration:\n {2}PORT: .*\n {2}NEO4J_URI: must start with bolt:\/\/.*\n {2}NEO4J_PASSWORD: must be at least 8 characters/,
    );
  });
});
