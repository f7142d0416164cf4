import { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { HonourDetail } from '@/features/honours/components/honour-detail'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 荣誉详情: `?id=` names the honour. */
export default function HonourDetailPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  if (!user) return null
  return (
    <Page>
      {/^[\w-]{1,64}$/.test(id) ? (
        <HonourDetail id={id} />
      ) : (
        <EmptyState title='链接有误，找不到这项荣誉' hint='请回到荣誉墙重新打开。' actionText='去荣誉墙' onAction={() => openPage(ROUTES.honours)} />
      )}
    </Page>
  )
}
