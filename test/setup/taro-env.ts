// Tests run the H5 flavour of Taro: the same values `taro build --type h5` defines.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
// No dev-server proxy in tests: point at the mock directly unless a test run says otherwise.
process.env.TARO_APP_API_BASE ??= `http://127.0.0.1:${process.env.MOCK_PORT || 9527}/api`
// app.config.ts and page configs call these compile-time globals of Taro's; in tests they return their argument.
Object.assign(globalThis, {
  defineAppConfig: <T>(config: T) => config,
  definePageConfig: <T>(config: T) => config,
})
