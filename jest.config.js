const os = require('node:os')
const path = require('node:path')

// ESM-only packages reached from Taro's H5 runtime and components; Babel must compile them.
const esmPackages = [
  '@tarojs', '@stencil', 'lodash-es', 'swiper', 'ssr-window', 'dom7', 'query-string',
  'decode-uri-component', 'split-on-first', 'filter-obj', 'universal-router', 'path-to-regexp',
  // Not ESM, but transformed: see test/setup/dynamic-import-to-require.cjs.
  '@electric-sql',
]

// Settings shared by both projects: Babel (babel.config.js), path aliases, the Taro shims.
const shared = {
  rootDir: __dirname,
  transform: {
    '[\\/]node_modules[\\/]@electric-sql[\\/].+\\.cjs$': '<rootDir>/test/setup/dynamic-import-to-require.cjs',
    '^.+\\.(mjs|cjs|[jt]sx?)$': ['babel-jest', { configFile: path.join(__dirname, 'babel.config.js') }],
  },
  // Matched on the whole path: anything below node_modules/<esm package>/ is compiled, including the
  // copies @tarojs/taro-h5 nests in its own dist/node_modules.
  transformIgnorePatterns: [`^(?!.*[\\\\/]node_modules[\\\\/](?:${esmPackages.join('|')})[\\\\/]).*[\\\\/]node_modules[\\\\/]`],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    // lib/react is the React build; '@tarojs/components-react' would map back onto itself.
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/setup/taro-shim.ts',
    '\\.(css|less|scss|sass)$': 'identity-obj-proxy',
  },
  // Taro's runtime reads these as free variables; the webpack build defines them with DefinePlugin.
  globals: {
    ENABLE_INNER_HTML: true,
    ENABLE_ADJACENT_HTML: true,
    ENABLE_SIZE_APIS: true,
    ENABLE_TEMPLATE_CONTENT: true,
    ENABLE_CLONE_NODE: true,
    ENABLE_CONTAINS: true,
    ENABLE_MUTATION_OBSERVER: true,
    DEPRECATED_ADAPTER_COMPONENT: false,
  },
  // Node's builds of packages such as nanoid, not their browser ESM, also under jsdom.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  setupFiles: ['<rootDir>/test/setup/taro-env.ts'],
}

// Jest: `node` runs api/unit/contract tests, `dom` renders components in jsdom.
module.exports = {
  // The mock's database (PGlite, WebAssembly) runs inside each test process and keeps a core busy,
  // while Jest's parent process mostly waits: two workers on a 2-core machine took the suite from
  // 306 s to 203 s (Jest's default there is one).
  maxWorkers: Math.max(2, os.availableParallelism() - 1),
  // jsdom renders of the longer forms take 2–4 s on a 2-core machine; 5 s timed out under load.
  testTimeout: 20_000,
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/{api,unit,contract}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/component/**/*.test.tsx'],
    },
  ],
}
