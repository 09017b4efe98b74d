import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
  {
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Only app/graph touches Cytoscape: the rest of the client gets plain data (summaries, scenes) from it.
    files: ['app/**/*.tsx', 'app/**/*.ts'],
    ignores: ['app/graph/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['cytoscape', 'cytoscape-*'], message: 'Only app/graph uses Cytoscape; ask its CanvasController.' }] }] },
  },
);
