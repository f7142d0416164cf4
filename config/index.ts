import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import { ModuleStatsPlugin } from './module-stats-plugin'
import prodConfig from './prod'

const taroEnv = process.env.TARO_ENV ?? 'weapp'
const mockOrigin = `http://127.0.0.1:${process.env.MOCK_PORT || 9527}`
// H5 goes through the dev-server proxy (same origin); the mini-program calls the mock directly.
const apiBase = process.env.TARO_APP_API_BASE || (taroEnv === 'h5' ? '/api' : `${mockOrigin}/api`)
// Babel runs on node_modules only for these: they ship ES2020+ syntax that old WebViews/JSCore reject.
const compileInclude = [(file: string) => /node_modules[\\/]zod[\\/]/.test(file)]

// webpack's 244 KiB hint is noise here: config/scripts/size.ts enforces the real budgets.
// Also records module names for the size report (config/module-stats-plugin.ts).
type Chain = {
  performance: { hints: (value: false) => unknown }
  plugin: (name: string) => { use: (plugin: unknown, args: unknown[]) => unknown }
}
const silencePerformanceHints = (chain: Chain) => {
  chain.performance.hints(false)
  chain.plugin('module-stats').use(ModuleStatsPlugin, [path.resolve(__dirname, '..', 'dist', 'stats', `${taroEnv}.json`)])
}

// Modules split into parts, each re-exporting its parts from `<name>/`: every import names the module
// (`@/api/events`), and webpack follows a re-export to the part that defines the name only when it knows the
// modules have no side effects. It cannot see that itself (they import the client and zod schemas, which it
// counts as side effects), so it is said here: these modules only define functions. Then each package carries
// only the parts it calls: 首页's first load, the main package, and each sub-package (see README, data layer).
const splitModules = /[\\/]src[\\/]api[\\/](auth|checkin|commitments|events|honours|notifications|contract[\\/](?:event|time))([\\/][\w-]+)?\.ts$/
type RuleChain = { module: { rule: (name: string) => { test: (value: RegExp) => unknown } } }
const followReExportsToParts = (chain: RuleChain) => {
  // webpack-chain's Rule has sideEffects(); its typings leave it out.
  const rule = chain.module.rule('split-modules').test(splitModules) as { sideEffects: (value: boolean) => unknown }
  rule.sideEffects(false)
}

// Taro splits only the initial chunks on H5, so code shared by lazily loaded pages is copied into every page chunk.
// Shared async chunks instead, one per set of pages that use the code (webpack's own grouping, unnamed): a page loads
// only what it renders. One named chunk for everything shared (an earlier choice) made 首页 download 111 KB gzip of
// other pages' code — VirtualList, the picker, Swiper — before its first paint.
// Taro's H5 request imports whatwg-fetch, an AbortController polyfill and jsonp-retry into the first load (25 KB
// minified). Every browser of the `h5` browserslist has fetch and AbortController, and the app never asks for JSONP.
const h5Stubs = {
  'whatwg-fetch$': path.resolve(__dirname, 'h5-stubs', 'empty.js'),
  'abortcontroller-polyfill/dist/abortcontroller-polyfill-only$': path.resolve(__dirname, 'h5-stubs', 'empty.js'),
  'jsonp-retry$': path.resolve(__dirname, 'h5-stubs', 'jsonp.js'),
}
type H5Chain = Chain & {
  optimization: { merge: (value: object) => unknown }
  resolve: { alias: { set: (key: string, value: string) => unknown } }
}
const shareAsyncChunks = (chain: H5Chain & RuleChain) => {
  silencePerformanceHints(chain)
  followReExportsToParts(chain)
  for (const [name, file] of Object.entries(h5Stubs)) chain.resolve.alias.set(name, file)
  chain.optimization.merge({
    splitChunks: {
      cacheGroups: {
        asyncShared: { chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true, minSize: 10000 },
      },
    },
  })
}

// Taro puts every @tarojs/* module in the main package's taro.js, even those only sub-packages use:
// VirtualList (23 KB) serves 出勤记录, 名单 and 年度考核, so it goes to their sub-packages instead.
type SplitChunks = { cacheGroups: Record<string, { test: (module: { context?: string }) => boolean }> }
const keepSubPackageOnlyModulesOut = (
  chain: Chain & RuleChain & { optimization: { get: (key: 'splitChunks') => SplitChunks; splitChunks: (value: SplitChunks) => unknown } },
) => {
  silencePerformanceHints(chain)
  followReExportsToParts(chain)
  const splitChunks = chain.optimization.get('splitChunks')
  const taro = splitChunks.cacheGroups.taro
  chain.optimization.splitChunks({
    ...splitChunks,
    cacheGroups: {
      ...splitChunks.cacheGroups,
      taro: { ...taro, test: (module) => taro.test(module) && !/[\\/]components-advanced[\\/]/.test(module.context ?? '') },
    },
  })
}

// Taro build config shared by every platform; dev.ts / prod.ts are merged on top.
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zhishutong',
    designWidth: 375,
    deviceRatio: { 375: 2, 640: 2.34 / 2, 750: 1, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // Each platform gets its own folder: `taro build --watch` empties its outputRoot.
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(apiBase),
      // The login screen lists the demo accounts when the app talks to the bundled mock.
      // Subscribe-message template ids of the production AppID (comma-separated); none = 报名 does not ask.
      TARO_APP_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''),
      TARO_APP_DEMO: JSON.stringify(process.env.TARO_APP_DEMO ?? (process.env.TARO_APP_API_BASE ? 'false' : 'true')),
    },
    defineConstants: {},
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    // Taro's mini-program terser writes every Chinese character as a 6-byte \uXXXX escape
    // (ascii_only); the mini-program runtime reads UTF-8 sources, and plain UTF-8 is 3 bytes.
    ...(taroEnv === 'h5' ? {} : { terser: { enable: true, config: { output: { ascii_only: false } } } }),
    mini: {
      compile: { include: compileInclude },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: keepSubPackageOnlyModulesOut,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // Images as files, not base64 in the first-load JavaScript (the tab icons alone would add 11 KB gzip).
      imageUrlLoaderOption: { limit: 1024 },
      compile: { include: compileInclude },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      devServer: {
        host: '127.0.0.1',
        port: 10086,
        proxy: {
          '/api': { target: mockOrigin, changeOrigin: true },
          '/uploads': { target: mockOrigin, changeOrigin: true },
        },
      },
      webpackChain: shareAsyncChunks,
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
