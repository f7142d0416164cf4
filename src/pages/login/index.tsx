import { useRouter } from '@tarojs/taro'
import { LoginForm } from '@/features/auth/components/login-form'
import { returnAfterLogin } from '@/features/auth/lib/login-redirect'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { AppButton } from '@/shared/ui/app-button'

/** 登录 page; `redirect` says where to go back to afterwards. 大字模式 is reachable before signing in. */
export default function LoginPage() {
  const { params } = useRouter()
  return (
    <Page>
      <LoginForm demoHint={process.env.TARO_APP_DEMO === 'true'} onDone={() => returnAfterLogin(params.redirect)} />
      <AppButton block variant='plain' onTap={() => openPage(ROUTES.settings)}>
        字太小？打开大字模式
      </AppButton>
    </Page>
  )
}
