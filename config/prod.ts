import type { UserConfigExport } from '@tarojs/cli'

// Production overrides: no source maps shipped in the mini-program package or the H5 bundle.
export default {
  mini: { enableSourceMap: false },
  h5: { enableSourceMap: false },
} satisfies UserConfigExport<'webpack5'>
