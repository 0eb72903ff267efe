// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'demo-output/**', 'bench-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.js', 'test/fixtures/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers and booleans in messages for people read fine; objects would not, and stay an error.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // An implementation of an async interface (a sink, a reporter) may have nothing to await.
      '@typescript-eslint/require-await': 'off',
      // `void promise` marks a deliberate fire-and-forget (a log line, a report on the way out).
      // `return send(...)` in a function that itself returns void ends a handler clearly.
      '@typescript-eslint/no-confusing-void-expression': [
        'error',
        { ignoreArrowShorthand: true, ignoreVoidOperator: true, ignoreVoidReturningFunctions: true },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', 'simulator/acceptance.ts'],
    rules: {
      // Tests and dev scripts read parsed protocol messages as loosely typed JSON on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A test asserts the value is there with `!` right where it would fail anyway.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Sums over parsed messages (record counts) are numbers by the protocol the test validates.
      '@typescript-eslint/restrict-plus-operands': 'off',
      // Destructuring away a field is how a test builds a config without it.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/*.js', 'test/fixtures/*.mjs'], languageOptions: { globals: { process: 'readonly', setTimeout: 'readonly' } } },
);
