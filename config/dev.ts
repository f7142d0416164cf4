import type { UserConfigExport } from '@tarojs/cli'

// Development overrides: verbose logs for watch builds and the H5 dev server.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>
