import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/generated/**', 'coverage/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Layers (DESIGN.md, Architecture): common/ and core/ know no module and nothing of server/.
    files: ['src/common/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)modules(/|$)', message: 'common/ and core/ import no module: what every module needs lives below them.' },
            { regex: '(^|/)server(/|$)', message: 'common/ and core/ import nothing of server/.' },
          ],
        },
      ],
    },
  },
  {
    // Modules reach each other's services and core/, never the HTTP and GraphQL wiring that composes them.
    files: ['src/modules/**/*.ts', 'src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)server(/|$)', message: 'A module never imports server/: server/ composes the modules, not the other way round.' }] },
      ],
    },
  },
  {
    // Written by the migration generator; kept as generated.
    files: ['migrations/**/*.ts'],
    rules: { 'no-useless-escape': 'off' },
  },
  {
    // Plain CommonJS run by node before anything is compiled.
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
