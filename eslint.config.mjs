// Lint: typescript-eslint's type-checked rules on every TypeScript file (services, libs, tests,
// bench, tools), ESLint's recommended rules on the plain JavaScript scripts. Formatting is
// Prettier's job alone (eslint-config-prettier switches off the rules it would fight).
// `npm run lint` checks, `npm run fix` fixes what can be fixed and formats.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', '.nx/**', 'test/fixtures/boundaries/**'] },
  {
    files: ['**/*.{js,cjs,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused names are the compiler's to report (noUnusedLocals / noUnusedParameters), once.
      '@typescript-eslint/no-unused-vars': 'off',
      // A reader learns a file's dependencies from its top: no import after other statements.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'Program > :not(ImportDeclaration) ~ ImportDeclaration',
          message: 'Imports go at the top of the file.',
        },
      ],
    },
  },
  {
    files: ['**/*.{spec,int-spec,e2e-spec,nightly-spec}.ts', '**/test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  prettier,
);
