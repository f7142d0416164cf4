import { Input, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { isCityOrganiser } from '@/api/contract/auth'
import { EXAM_MODULES, QUESTION_KIND_LABELS, type ExamModule, type Question } from '@/api/contract/exam'
import { listQuestions } from '@/api/exams'
import { openPage } from '@/shared/lib/navigate'
import { ROUTES, withQuery } from '@/shared/lib/routes'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { LoadMoreButton } from '@/shared/ui/list-state'
import { EmptyState, ErrorState, LoadingState } from '@/shared/ui/state-view'
import { Tag } from '@/shared/ui/tag'
import { useSessionStore } from '@/stores/session-store'
import { DIFFICULTY_LABELS } from '../lib/question-form'
import { consumeBankChanged, handOverQuestion } from '../lib/question-handoff'
import { QuestionImport } from './question-import'
import './exam-admin.css'

type ModuleFilter = 'all' | ExamModule
const MODULE_OPTIONS: ChipOption<ModuleFilter>[] = [{ value: 'all', label: '全部' }, ...EXAM_MODULES.map((m) => ({ value: m, label: m }))]

type ListState = { status: 'loading' | 'ready' | 'error'; items: Question[]; total: number; page: number; error?: string; more?: boolean; moreError?: string }

/** One question of the bank: kind, difficulty, module, two lines of stem and the answer keys; tap to edit. */
function QuestionCard({ question, onOpen }: { question: Question; onOpen: (q: Question) => void }) {
  return (
    <View className='zs-card xa-question' {...tappable('button', () => onOpen(question))}>
      <View className='xa-question__tags'>
        <Tag tone='blue'>{QUESTION_KIND_LABELS[question.kind]}</Tag>
        <Tag tone='grey'>{question.module}</Tag>
        <Tag tone='orange'>{`难度 ${question.difficulty}（${DIFFICULTY_LABELS[question.difficulty] ?? ''}）`}</Tag>
      </View>
      <Text className='xa-question__stem'>{question.stem}</Text>
      <Text className='xa-line'>答案：{question.answer.join('、')}</Text>
    </View>
  )
}

/**
 * 题库 (city organisers): module chips, search, 20 a page with 加载更多, 新增题目, tap to edit, and
 * 导入 CSV. A town organiser is told the bank is the city's.
 */
export function QuestionBank() {
  const user = useSessionStore((s) => s.user)
  const city = user ? isCityOrganiser(user) : false
  const [module, setModule] = useState<ModuleFilter>('all')
  const [typed, setTyped] = useState('')
  const [q, setQ] = useState('')
  const [list, setList] = useState<ListState>({ status: 'loading', items: [], total: 0, page: 0 })
  const request = useRef(0)

  const load = useCallback(
    async (page = 1) => {
      const mine = ++request.current
      if (page === 1) setList((l) => ({ ...l, status: 'loading', error: undefined }))
      else setList((l) => ({ ...l, more: true, moreError: undefined }))
      try {
        const answer = await listQuestions({ module: module === 'all' ? undefined : module, q: q || undefined, page })
        if (mine !== request.current) return
        setList((l) => ({
          status: 'ready',
          items: page === 1 ? answer.items : [...l.items, ...answer.items.filter((n) => !l.items.some((o) => o.id === n.id))],
          total: answer.total,
          page,
        }))
      } catch (failure) {
        if (mine !== request.current) return
        const message = toApiError(failure).message
        setList((l) => (page === 1 ? { ...l, status: 'error', error: message } : { ...l, more: false, moreError: message }))
      }
    },
    [module, q],
  )
  useEffect(() => {
    if (city) void load(1)
  }, [city, load])
  // Back from 题目 after a save or delete: the list is out of date.
  useDidShow(() => {
    if (consumeBankChanged() && city) void load(1)
  })

  if (!user) return null
  if (!city) return <EmptyState title='题库由市委组织部维护' hint='如需新增或修改题目，请联系市委组织部。' />

  const open = (question: Question) => {
    handOverQuestion(question)
    openPage(withQuery(ROUTES.organiserQuestionForm, { id: question.id }))
  }
  const search = () => setQ(typed.trim().slice(0, 30))

  return (
    <View>
      <View className='xa-head'>
        <Text className='zs-grow zs-muted'>{list.status === 'ready' ? `共 ${list.total} 道题` : ''}</Text>
        <AppButton small onTap={() => openPage(ROUTES.organiserQuestionForm)}>
          新增题目
        </AppButton>
      </View>
      <View className='xa-scroll-chips'>
        <Chips label='模块' options={MODULE_OPTIONS} value={module} onChange={setModule} />
      </View>
      <View className='zs-row xa-head'>
        <Input
          className='zs-input zs-grow'
          value={typed}
          maxlength={30}
          confirmType='search'
          placeholder='搜索题干'
          {...fieldLabel('搜索题干')}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={search}
        />
        <AppButton small variant='secondary' onTap={search}>
          搜索
        </AppButton>
      </View>
      <QuestionImport onImported={() => void load(1)} />
      {list.status === 'loading' ? <LoadingState rows={3} label='正在加载题目…' /> : null}
      {list.status === 'error' ? <ErrorState message={list.error ?? ''} onRetry={() => void load(1)} /> : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState title={q || module !== 'all' ? '没有符合条件的题目' : '题库还是空的'} hint='可以点“新增题目”，或用 CSV 批量导入。' />
      ) : null}
      {list.status === 'ready'
        ? list.items.map((question) => <QuestionCard key={question.id} question={question} onOpen={open} />)
        : null}
      {list.moreError ? (
        <View className='xa-banner' role='alert'>
          {list.moreError}
        </View>
      ) : null}
      {list.status === 'ready' ? <LoadMoreButton hasMore={list.items.length < list.total} loading={Boolean(list.more)} onMore={() => void load(list.page + 1)} /> : null}
    </View>
  )
}
