import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What may import what (README "Layout"): app/ and server/ each import shared/ and never each other; shared/
 * imports neither, nor Node's modules, so it runs in both. tests/unit/lint-boundaries.test.ts proves these hold.
 */
const crossing = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const nodeModules = { regex: '^node:', message: 'shared/ runs in the browser too: no Node.js modules.' };
const boundaries = [
  { files: ['app/**'], rules: { 'no-restricted-imports': ['error', { patterns: [crossing(['server', 'graph-seed'], 'The client imports shared/, never server code.')] }] } },
  { files: ['server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [crossing(['app', 'graph-seed'], 'The server imports shared/, never the client or the seed command.')] }] } },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [crossing(['app', 'server', 'graph-seed'], 'shared/ imports neither side.'), nodeModules] }] },
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', '.data', '.neo4j', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...boundaries,
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // A route exists only as a declared operation (shared/contract/*-operations.ts), registered by operationRouter().
    files: ['server/routes/**'],
    ignores: ['server/routes/operation-router.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'express', importNames: ['Router'], allowTypeImports: true, message: 'Declare the operation in shared/contract and register it with operationRouter().' }] },
      ],
    },
  },
  {
    // Only app/graph touches Cytoscape: the rest of the client gets plain data (summaries, scenes) from it.
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    ignores: ['app/graph/**'],
    // The TypeScript twin of the rule, so these options add to the folder boundaries instead of replacing them.
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['cytoscape', 'cytoscape-*'], message: 'Only app/graph uses Cytoscape; ask its CanvasController.' }] }] },
  },
);
