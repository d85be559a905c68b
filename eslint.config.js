// Layers are folders; these blocks keep each folder to what it may import (see shared/style.md).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electron = { name: 'electron', message: 'This layer must not import electron.' }
const nodeBuiltins = {
  group: ['node:*'],
  message: 'This layer runs without Node built-ins.'
}
const noReact = { group: ['react', 'react-dom', 'react/*'], message: 'src/shared is UI-free.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-output/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
      ],
      '@typescript-eslint/consistent-type-imports': 'error'
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, noReact] }]
    }
  },
  {
    files: [
      'src/main/core/**/*.ts',
      'src/simulator/**/*.ts',
      'src/main/cli.ts',
      'src/main/cli/**/*.ts'
    ],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] }
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['../main/*', '../renderer/*'],
              message: 'The preload sees only electron and src/shared.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins] }]
    }
  }
)
