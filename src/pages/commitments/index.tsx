import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useRequireSession } from '@/features/auth/hooks/use-require-session'
import { CommitmentSheet } from '@/features/commitments/components/commitment-sheet'
import { chinaYear } from '@/api/contract/time'
import { Page } from '@/app/page'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { tappable } from '@/shared/ui/a11y'

const ORGANISER_ENTRIES = [
  { title: '承诺审核', hint: '通过或退回书记的履职承诺', url: ROUTES.organiserCommitments },
  { title: '季度评分', hint: '季度拉练评比打分', url: ROUTES.organiserQuarterScores },
  { title: '年度考核', hint: '综合排名与末位审计+巡察', url: ROUTES.organiserAssessment },
]

/** 承诺 tab: a secretary's 履职承诺 and 进展; an organiser's ways into 承诺审核, 季度评分 and 年度考核. */
export default function CommitmentsPage() {
  const user = useRequireSession()
  // The sheet belongs to the year the page was opened in (China time).
  const [year] = useState(() => chinaYear(Date.now()))
  if (!user) return null
  if (user.role === 'organiser') {
    return (
      <Page>
        {ORGANISER_ENTRIES.map((entry) => (
          <View key={entry.title} className='zs-card zs-row' {...tappable('link', () => openPage(entry.url))}>
            <View className='zs-grow'>
              <Text className='zs-title'>{entry.title}</Text>
              <Text className='zs-muted'>{entry.hint}</Text>
            </View>
            <Text className='zs-title' aria-hidden='true'>›</Text>
          </View>
        ))}
      </Page>
    )
  }
  return (
    <Page>
      <CommitmentSheet user={user} year={year} onReport={(itemId) => openPage(withQuery(ROUTES.progress, { itemId, year }))} />
    </Page>
  )
}
