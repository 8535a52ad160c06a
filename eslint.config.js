// npm run lint: typescript-eslint's recommended rules on every TypeScript and JavaScript file of the
// repository. Prettier owns the layout (`prettier --check` runs beside this), scripts/check-layers.mjs
// owns the import arrows, and `tsc` owns names and types.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.karma-build/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      // Listener and platform-object signatures say `any` on purpose: Node's and Electron's own
      // types do (`(...args: any[]) => void`), and `unknown` there would make rxipc's objects
      // unassignable to theirs.
      '@typescript-eslint/no-explicit-any': 'off',
      // A class merged with an interface of the same name declares type-only members (the channel
      // map's `'~channels'`) that never exist at runtime; this is deliberate.
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
      // `_name` marks a parameter a signature needs and the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `{}` is the empty section of a channel map (no channels), which is what it means there.
      '@typescript-eslint/no-empty-object-type': ['error', { allowObjectTypes: 'always' }],
      // A destructuring that reassigns one of its names keeps `let` for all of them.
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    // Type tests: declarations exist to be type-checked by tsc, not to be used.
    files: ['spec/types/**'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // CommonJS files (Karma plugins) load their dependencies with require().
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // TypeScript checks names itself (and knows the DOM, worker and Node globals by tsconfig).
    files: ['**/*.ts'],
    rules: { 'no-undef': 'off' },
  },
);
