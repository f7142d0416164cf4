import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isCityOrganiser } from '@/api/contract/auth'
import type { Exam, ExamResults as Results } from '@/api/contract/exam'
import { toApiError } from '@/api/api-error'
import { examResultsCsvRequest, getExamResults, listExams } from '@/api/exams'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { useSessionStore } from '@/stores/session-store'
import { csvFileName } from '@/api/csv-download'
import { formatScore, sortExams, townsOf } from '../lib/results'
import { saveCsvFile } from '@/api/platform/export-file'
import { PersonRow } from './person-row'
import { DistributionChart, ModuleChart, TownChart } from './result-charts'
import './exam-admin.css'

const ALL = '__all__'
type Load<T> = { status: 'loading' | 'ready' | 'error'; data?: T; error?: string }

/**
 * 考试成绩 (organisers): pick an exam (the newest qualification exam first), narrow by town (city
 * organisers), see the distribution, module means and town pass rates as bars with their figures, the
 * people with 安排补考, and 导出成绩 as CSV.
 */
export function ExamResults() {
  const user = useSessionStore((s) => s.user)
  const city = user ? isCityOrganiser(user) : false
  const [exams, setExams] = useState<Load<Exam[]>>({ status: 'loading' })
  const [examId, setExamId] = useState('')
  const [town, setTown] = useState(ALL)
  const [results, setResults] = useState<Load<Results>>({ status: 'loading' })
  // Towns found in the exam's unfiltered results: the chips stay when one town is picked.
  const [towns, setTowns] = useState<string[]>([])
  const [exporting, setExporting] = useState(false)
  const [exportError, setExportError] = useState('')
  const request = useRef(0)

  const loadExams = useCallback(async () => {
    setExams({ status: 'loading' })
    try {
      const page = await listExams()
      const sorted = sortExams(page.items)
      setExams({ status: 'ready', data: sorted })
      setExamId((current) => (sorted.some((e) => e.id === current) ? current : (sorted[0]?.id ?? '')))
    } catch (failure) {
      setExams({ status: 'error', error: toApiError(failure).message })
    }
  }, [])
  useEffect(() => {
    void loadExams()
  }, [loadExams])

  const loadResults = useCallback(
    async (quiet = false) => {
      if (!examId) return
      const mine = ++request.current
      if (!quiet) setResults({ status: 'loading' })
      try {
        const data = await getExamResults(examId, town === ALL ? undefined : town)
        if (mine !== request.current) return
        setResults({ status: 'ready', data })
        if (town === ALL) setTowns(townsOf(data))
      } catch (failure) {
        if (mine === request.current) setResults({ status: 'error', error: toApiError(failure).message })
      }
    },
    [examId, town],
  )
  useEffect(() => {
    void loadResults()
  }, [loadResults])

  const examOptions = useMemo<ChipOption<string>[]>(
    () => (exams.data ?? []).map((e) => ({ value: e.id, label: `${e.title}${e.purpose === 'practice' ? '（练习）' : ''}` })),
    [exams.data],
  )
  const townOptions = useMemo<ChipOption<string>[]>(() => [{ value: ALL, label: '全部' }, ...towns.map((t) => ({ value: t, label: t }))], [towns])

  const pickExam = (id: string) => {
    if (id === examId) return
    setTown(ALL)
    setTowns([])
    setExamId(id)
  }

  const exportCsv = async () => {
    if (exporting || !examId) return
    setExporting(true)
    setExportError('')
    try {
      const exam = exams.data?.find((e) => e.id === examId)
      const name = `${exam?.title ?? '考试'}-成绩${town === ALL ? '' : `-${town}`}`
      await saveCsvFile({ ...examResultsCsvRequest(examId, town === ALL ? undefined : town), fileName: csvFileName(name, '成绩') })
    } catch (failure) {
      setExportError(toApiError(failure).message)
    } finally {
      setExporting(false)
    }
  }

  if (exams.status === 'loading') return <LoadingState rows={3} label='正在加载考试…' />
  if (exams.status === 'error') return <ErrorState message={exams.error ?? ''} onRetry={() => void loadExams()} />
  if (!exams.data?.length) return <EmptyState title='还没有考试' hint='市委组织部发布任职资格测试后，成绩会显示在这里。' />

  const data = results.data
  const exam = data?.exam ?? exams.data.find((e) => e.id === examId)
  return (
    <View>
      <View className='xa-scroll-chips'>
        <Chips label='考试' options={examOptions} value={examId} onChange={pickExam} />
      </View>
      {city && towns.length > 0 ? (
        <View className='xa-scroll-chips'>
          <Chips label='镇（街道）' options={townOptions} value={town} onChange={setTown} />
        </View>
      ) : null}
      {!city && user?.scope?.towns.length ? <Text className='zs-muted'>只显示 {user.scope.towns.join('、')} 的书记。</Text> : null}

      {results.status === 'loading' ? <LoadingState rows={3} label='正在加载成绩…' /> : null}
      {results.status === 'error' ? <ErrorState message={results.error ?? ''} onRetry={() => void loadResults()} /> : null}
      {results.status === 'ready' && data ? (
        <View>
          <View className='zs-card'>
            <Text className='zs-title'>{exam?.title}</Text>
            <Text className='xa-line'>
              及格 {formatScore(data.exam.passScore)} 分 · 满分 100 分 · {data.exam.maxAttempts === null ? '不限次数' : `每人 ${data.exam.maxAttempts} 次`}
            </Text>
            <Text className='xa-line'>
              共 {data.people.length} 人，参考 {data.people.filter((p) => p.best !== null).length} 人，通过 {data.people.filter((p) => p.passed).length} 人
            </Text>
            <View className='xa-actions'>
              <AppButton small variant='secondary' loading={exporting} onTap={() => void exportCsv()}>
                导出成绩
              </AppButton>
            </View>
            <Alert className='xa-banner' message={exportError} />
          </View>
          {data.people.length === 0 ? (
            <EmptyState title='这场考试没有面向的书记' hint='考试面向的镇（街道）里还没有书记，或不在你的管理范围内。' />
          ) : (
            <View>
              <DistributionChart distribution={data.distribution} />
              <ModuleChart byModule={data.byModule} />
              <TownChart byTown={data.byTown} />
              <View className='zs-card'>
                <Text className='xa-section-title'>书记成绩（{data.people.length} 人）</Text>
                <Text className='zs-hint'>“切出”是答题时离开小程序的次数，仅供参考，不作为不通过的依据。</Text>
                <View role='list' aria-label='书记成绩'>
                  {data.people.map((p) => (
                    <PersonRow key={p.user.id} examId={data.exam.id} person={p} onGranted={() => void loadResults(true)} />
                  ))}
                </View>
              </View>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
