import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, globalIgnores } from 'eslint/config'
import tseslint from 'typescript-eslint'

// The repo root is the nearest folder with a package.json above a file (no import.meta: the lint
// test loads this file through babel-jest, which emits CommonJS).
const findRepoRoot = (dir) => {
  if (fs.existsSync(path.join(dir, 'package.json')) || path.dirname(dir) === dir) return dir
  return findRepoRoot(path.dirname(dir))
}
// Repo-relative POSIX path of an absolute file name.
const toRepoPath = (file, root) => path.relative(root, file).split(path.sep).join('/')
// True when repo path `p` is `dir` or lies below it.
const within = (p, dir) => p === dir || p.startsWith(`${dir}/`)
// Repo path an import specifier points at (relative or `@/`), or null for a package import.
const resolveSpecifier = (specifier, fromFile, root) => {
  if (specifier.startsWith('@/')) return `src/${specifier.slice(2)}`
  if (specifier.startsWith('.')) return toRepoPath(path.resolve(path.dirname(fromFile), specifier), root)
  return null
}

// The layer rules of STYLE.md ("Imports flow one way"): why `from` may not import `to`, or null if allowed.
const layerViolation = (from, to) => {
  if (within(from, 'src') && within(to, 'mock')) return 'src/ never imports mock/ (dev and test only).'
  if (within(from, 'mock') && within(to, 'src') && !within(to, 'src/api/contract')) {
    return 'mock/ may import only src/api/contract from src/.'
  }
  if (within(from, 'src/shared')) {
    const upper = ['src/stores', 'src/api', 'src/features', 'src/app', 'src/pages'].find((dir) => within(to, dir))
    if (upper) return `src/shared is leaf code: it may not import ${upper}.`
  }
  // The contract (zod schemas + types) is leaf code too: it imports nothing of src/ but itself.
  if (within(from, 'src/api/contract') && within(to, 'src') && !within(to, 'src/api/contract')) {
    return 'src/api/contract is the shared contract: it may import only itself (and packages).'
  }
  const storesMayImport = ['src/shared', 'src/stores', 'src/api/contract']
  if (within(from, 'src/stores') && within(to, 'src') && !storesMayImport.some((dir) => within(to, dir))) {
    return 'src/stores may import only src/shared and src/api/contract (and packages).'
  }
  if (within(from, 'src/api')) {
    const upper = ['src/features', 'src/app', 'src/pages'].find((dir) => within(to, dir))
    if (upper) return `src/api may not import ${upper}.`
  }
  // src/app is the app shell around every page (the page root, 大字模式 on <html>): above the
  // features, below the pages. (src/app.tsx, the composition root, is not inside it.)
  if (within(from, 'src/app') && (within(to, 'src/pages') || within(to, 'src/features'))) {
    return 'src/app wraps the pages: it may import src/stores and src/shared, not features or pages.'
  }
  if (within(from, 'src/features')) {
    if (within(to, 'src/pages')) return 'A feature may not import src/pages: pages compose features.'
    if (within(to, 'src/app')) return 'A feature may not import src/app: the page root wraps features, a page puts them inside it.'
    if (from.split('/')[3] === 'api') return 'Endpoints live in src/api/<resource>.ts, one module per resource, not in a feature.'
    if (within(to, 'src/api/client') || within(to, 'src/api/upload-file')) {
      return 'A feature calls the server through the endpoint modules (src/api/<resource>.ts), not through the client itself.'
    }
    const [fromFeature, toFeature] = [from, to].map((p) => p.split('/')[2])
    if (within(to, 'src/features') && toFeature && toFeature !== fromFeature) {
      return `Feature "${fromFeature}" may not import feature "${toFeature}": let a page compose both.`
    }
  }
  return null
}

// Local plugin: `layers/imports` enforces the one-way import flow between src/ layers and mock/.
const layersPlugin = {
  rules: {
    imports: {
      meta: {
        type: 'problem',
        docs: { description: 'Enforce the import direction between src/ layers and mock/' },
        messages: { forbidden: '{{specifier}}: {{reason}}' },
        schema: [],
      },
      create(context) {
        const root = findRepoRoot(path.dirname(context.filename))
        const from = toRepoPath(context.filename, root)
        const check = (source) => {
          if (!source || typeof source.value !== 'string') return
          const to = resolveSpecifier(source.value, context.filename, root)
          const reason = to && layerViolation(from, to)
          if (reason) context.report({ node: source, messageId: 'forbidden', data: { specifier: source.value, reason } })
        }
        const isRequire = (node) => node.callee.type === 'Identifier' && node.callee.name === 'require'
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
          CallExpression: (node) => isRequire(node) && check(node.arguments[0]),
        }
      },
    },
  },
}

// ESLint flat config: typescript-eslint recommended plus the local layer rule.
export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', '.ci/', 'coverage/', 'test-results/', 'playwright-report/']),
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { layers: layersPlugin },
    rules: {
      'layers/imports': 'error',
      // `_name` marks a deliberately unused binding; `{ [key]: _, ...rest }` is how an entry is omitted.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // zod classic is ~90 KB of the weapp main package and is built eagerly at start-up; a single classic
    // import anywhere in src/ pulls all of it back in. The app uses the tree-shakable zod/mini.
    files: ['src/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'zod/v4', 'zod/v3'].map((name) => ({
            name,
            message: "Use 'zod/mini' in src/ (z.optional(x), x.check(z.minLength(n, msg)), z.pipe(a, z.transform(f)) …): classic zod costs ~90 KB of the main package.",
          })),
        },
      ],
    },
  },
  {
    // Tests read loosely typed JSON answers of the mock.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS tool files at the root (babel.config.js, jest.config.js).
    files: ['*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
])
