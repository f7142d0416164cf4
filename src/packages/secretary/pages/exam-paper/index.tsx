import { useRouter } from '@tarojs/taro'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { ExamPaper } from '@/features/exams/components/exam-paper'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState } from '@/shared/ui/state-view'

const ID = /^[\w-]{1,64}$/

/** 答题 (`?examId=` starts or resumes; `?attemptId=` opens an attempt): the paper, one question per screen. */
export default function ExamPaperPage() {
  const user = useRequireSession()
  const { params } = useRouter()
  if (!user) return null
  const examId = params.examId && ID.test(params.examId) ? params.examId : undefined
  const attemptId = params.attemptId && ID.test(params.attemptId) ? params.attemptId : undefined
  return (
    <Page>
      {examId || attemptId ? (
        <ExamPaper examId={examId} attemptId={attemptId} />
      ) : (
        <EmptyState title='链接有误，找不到这场考试' hint='请回到考试列表重新打开。' actionText='去考试列表' onAction={() => replacePage(ROUTES.exams)} />
      )}
    </Page>
  )
}
