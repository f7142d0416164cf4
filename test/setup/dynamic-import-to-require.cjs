// Jest transform for PGlite's CommonJS build: it loads Node built-ins with `import("fs")`, which
// Jest's CommonJS runtime refuses without --experimental-vm-modules (a flag that breaks the jsdom
// project). A built-in loads the same either way, so each `import("x")` becomes a require.
const { createHash } = require('node:crypto')

const DYNAMIC_IMPORT = /\bimport\(\s*(["'])([^"']+)\1\s*\)/g

module.exports = {
  process(source) {
    // The module's own `require`, taken at the top: the bundle declares local variables named `require`.
    const code = source.replace(DYNAMIC_IMPORT, (_, q, name) => `Promise.resolve().then(() => __jestRequire(${q}${name}${q}))`)
    return { code: `var __jestRequire = require;${code}` }
  },
  getCacheKey(source, path) {
    return createHash('sha256').update('dynamic-import-to-require:2').update(path).update(source).digest('hex')
  },
}
