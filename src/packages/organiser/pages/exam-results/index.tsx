import { ExamResults } from '@/features/exam-admin/components/exam-results'
import { Page } from '@/app/page'
import { OrganiserOnly } from '../../organiser-only'

/** 考试成绩: results of an exam in the organiser's scope, with 安排补考 and 导出成绩. */
export default function ExamResultsPage() {
  return (
    <OrganiserOnly>
      <Page>
        <ExamResults />
      </Page>
    </OrganiserOnly>
  )
}
