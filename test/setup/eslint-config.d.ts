// Type of the flat config exported by eslint.config.mjs, imported by test/unit/lint-layers.test.ts.
declare module '*eslint.config.mjs' {
  const config: import('eslint').Linter.Config[]
  export default config
}
