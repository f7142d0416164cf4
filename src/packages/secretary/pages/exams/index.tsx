import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { ExamList } from '@/features/exams/components/exam-list'
import { Page } from '@/app/page'

/** 考试 (我的 → 考试, 首页): the 任职资格测试 and practice exams open to the secretary. */
export default function ExamsPage() {
  const user = useRequireSession()
  if (!user) return null
  return (
    <Page>
      <ExamList />
    </Page>
  )
}
