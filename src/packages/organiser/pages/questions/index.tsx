import { QuestionBank } from '@/features/exam-admin/components/question-bank'
import { Page } from '@/app/page'
import { OrganiserOnly } from '../../organiser-only'

/** 题库 (city organisers): browse, search, add, edit and import questions. */
export default function QuestionsPage() {
  return (
    <OrganiserOnly>
      <Page>
        <QuestionBank />
      </Page>
    </OrganiserOnly>
  )
}
