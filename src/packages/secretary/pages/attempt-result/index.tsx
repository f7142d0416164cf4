import { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { AttemptResult } from '@/features/exams/components/attempt-result'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

/** 成绩 of one attempt (`?id=`). */
export default function AttemptResultPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  if (!user) return null
  const id = params.id && /^[\w-]{1,64}$/.test(params.id) ? params.id : null
  return (
    <Page>
      {id ? (
        <AttemptResult attemptId={id} />
      ) : (
        <EmptyState title='链接有误，找不到这次成绩' hint='请回到考试列表重新打开。' actionText='去考试列表' onAction={() => replacePage(ROUTES.exams)} />
      )}
    </Page>
  )
}
