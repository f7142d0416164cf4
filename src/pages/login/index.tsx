import { useRouter } from '@tarojs/taro'
import { LoginForm } from '@/features/auth/components/login-form'
import { returnAfterLogin } from '@/features/auth/lib/login-redirect'
import { Page } from '@/features/settings/components/page'

/** 登录 page; `redirect` says where to go back to afterwards. */
export default function LoginPage() {
  const { params } = useRouter()
  return (
    <Page>
      <LoginForm demoHint={process.env.TARO_APP_DEMO === 'true'} onDone={() => returnAfterLogin(params.redirect)} />
    </Page>
  )
}
