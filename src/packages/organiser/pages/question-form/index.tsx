import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { isCityOrganiser } from '@/api/contract/auth'
import { QuestionForm } from '@/features/exam-admin/components/question-form'
import { takeHandedQuestion } from '@/features/exam-admin/lib/question-handoff'
import { Page } from '@/app/page'
import { replacePage } from '@/shared/lib/navigate'
import { ROUTES } from '@/shared/lib/routes'
import { EmptyState, ErrorState } from '@/shared/ui/state-view'
import { useSessionStore } from '@/stores/session-store'
import { OrganiserOnly } from '../../organiser-only'

/** Back to 题库, or there when the form was opened directly. */
function leave() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else replacePage(ROUTES.organiserQuestions)
}

/** 题目: a new question, or with `?id=` the question handed over by 题库 (there is no GET /questions/:id). */
export default function QuestionFormPage() {
  const { params } = useRouter()
  const id = params.id
  const editing = id !== undefined && id !== ''
  const [question] = useState(() => (editing ? takeHandedQuestion(id) : null))
  const user = useSessionStore((s) => s.user)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '编辑题目' : '新增题目' })
  }, [editing])
  return (
    <OrganiserOnly>
      <Page>
        {user && !isCityOrganiser(user) ? (
          <EmptyState title='题库由市委组织部维护' hint='如需新增或修改题目，请联系市委组织部。' />
        ) : editing && !question ? (
          // ErrorState's button says 重试; here it reopens 题库, where the question can be tapped again.
          <ErrorState message='请从题库重新打开这道题' onRetry={() => replacePage(ROUTES.organiserQuestions)} />
        ) : (
          <QuestionForm question={question ?? undefined} onDone={() => setTimeout(leave, 800)} />
        )}
      </Page>
    </OrganiserOnly>
  )
}
