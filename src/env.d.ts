/// <reference types="@tarojs/taro" />

// Build-time constants injected by config/index.ts (DefinePlugin) and by Taro itself.
declare namespace NodeJS {
  interface ProcessEnv {
    /** Target platform of the current build ('weapp' or 'h5' here). */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn' | 'quickapp'
    /** REST base URL: '/api' on H5, the mock's absolute URL on weapp, or $TARO_APP_API_BASE at build time. */
    TARO_APP_API_BASE: string
    /** 'true' when the login screen should list the demo accounts (builds that talk to the mock). */
    TARO_APP_DEMO: string
    /** Comma-separated subscribe-message template ids asked for on 报名 (weapp); empty = do not ask. */
    TARO_APP_SUBSCRIBE_TEMPLATE_IDS?: string
  }
}

// CSS imports (plain or CSS modules) give a class-name map.
declare module '*.css' {
  const classes: Record<string, string>
  export default classes
}

// Static assets imported from code resolve to their URL.
declare module '*.png' {
  const url: string
  export default url
}
declare module '*.jpg' {
  const url: string
  export default url
}
declare module '*.svg' {
  const url: string
  export default url
}
