import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { toApiError } from '@/api/api-error'
import { EXAM_MODULES, QUESTION_KINDS, QUESTION_KIND_LABELS, type ExamModule, type Question, type QuestionKind } from '@/api/contract/exam'
import { createQuestion, deleteQuestion, updateQuestion } from '@/api/exams'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { fieldLabel, tappable } from '@/shared/ui/a11y'
import { Alert } from '@/shared/ui/alert'
import { AppButton } from '@/shared/ui/app-button'
import { Chips, type ChipOption } from '@/shared/ui/chips'
import { Field, FieldError } from '@/shared/ui/field'
import {
  DIFFICULTY_LABELS,
  OPTION_KEYS,
  checkQuestion,
  emptyQuestionValues,
  serverQuestionErrors,
  valuesFromQuestion,
  withAnswerToggled,
  withKind,
  withoutOption,
  type QuestionFormErrors,
  type QuestionFormValues,
} from '../lib/question-form'
import { markBankChanged } from '../lib/question-handoff'
import './exam-admin.css'

const MODULE_OPTIONS: ChipOption<ExamModule>[] = EXAM_MODULES.map((m) => ({ value: m, label: m }))
const KIND_OPTIONS: ChipOption<QuestionKind>[] = QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_LABELS[k] }))
const DIFFICULTY_OPTIONS: ChipOption<'1' | '2' | '3'>[] = (['1', '2', '3'] as const).map((d) => ({ value: d, label: `${d}（${DIFFICULTY_LABELS[Number(d)]}）` }))

export type QuestionFormOutcome = 'created' | 'saved' | 'deleted'

/**
 * 题目: add a question, or edit `question` (with 删除). Checked with questionBodySchema and
 * questionRuleErrors before sending, each message beside its field; saved through sendKeyed.
 */
export function QuestionForm({ question, onDone }: { question?: Question; onDone: (outcome: QuestionFormOutcome) => void }) {
  const [values, setValues] = useState<QuestionFormValues>(() => (question ? valuesFromQuestion(question) : emptyQuestionValues()))
  const [errors, setErrors] = useState<QuestionFormErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState<'save' | 'delete' | null>(null)
  // The options before switching to 判断, brought back when switching away again.
  const beforeJudge = useRef<string[] | undefined>(undefined)
  const judge = values.kind === 'judge'

  const patch = (next: Partial<QuestionFormValues>) => setValues((v) => ({ ...v, ...next }))
  const setKind = (kind: QuestionKind) => {
    if (kind === 'judge' && !judge) beforeJudge.current = values.options
    setValues((v) => withKind(v, kind, beforeJudge.current))
  }
  const setOption = (index: number, text: string) => setValues((v) => ({ ...v, options: v.options.map((o, i) => (i === index ? text : o)) }))

  const save = async () => {
    if (busy) return
    const checked = checkQuestion(values)
    if (!checked.ok) {
      setErrors(checked.errors)
      setBanner(`还有 ${Object.keys(checked.errors).length} 处需要修改，请按红色提示改好后再保存。`)
      return
    }
    setErrors({})
    setBanner('')
    setBusy('save')
    try {
      const body = checked.body
      if (question) await sendKeyed(`question-edit:${question.id}`, body, (key) => updateQuestion(question.id, body, key))
      else await sendKeyed('question-create', body, (key) => createQuestion(body, key))
      markBankChanged()
      void Taro.showToast({ title: question ? '已保存' : '已添加', icon: 'success' })
      onDone(question ? 'saved' : 'created')
    } catch (failure) {
      const error = toApiError(failure)
      const placed = serverQuestionErrors(error.fields)
      setErrors(placed)
      const shown = new Set(Object.values(placed))
      setBanner([error.message, ...Object.values(error.fields).filter((m) => !shown.has(m))].join(' '))
    } finally {
      setBusy(null)
    }
  }

  const remove = async () => {
    if (!question || busy) return
    const answer = await Taro.showModal({ title: '删除这道题？', content: '删除后不能恢复。已用于已发布考试的题目不能删除。', confirmText: '删除', cancelText: '返回' })
    if (!answer.confirm) return
    setBanner('')
    setBusy('delete')
    try {
      await sendKeyed(`question-delete:${question.id}`, { id: question.id }, (key) => deleteQuestion(question.id, key))
      markBankChanged()
      void Taro.showToast({ title: '已删除', icon: 'success' })
      onDone('deleted')
    } catch (failure) {
      setBanner(toApiError(failure).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <View className='xa-form'>
      <Alert className='xa-banner' message={banner} />
      <Field label='模块' error={errors.module}>
        <Chips label='模块' options={MODULE_OPTIONS} value={values.module} onChange={(module) => patch({ module })} />
      </Field>
      <Field label='题型' error={errors.kind} hint={judge ? '判断题的选项固定为 A 正确、B 错误。' : undefined}>
        <Chips label='题型' options={KIND_OPTIONS} value={values.kind} onChange={setKind} />
      </Field>
      <Field label='题干' error={errors.stem} hint={`${Array.from(values.stem).length}/500 字`}>
        <Textarea
          className='zs-textarea xa-textarea'
          value={values.stem}
          maxlength={500}
          placeholder='2–500 个字'
          {...fieldLabel('题干')}
          onInput={(e) => patch({ stem: e.detail.value })}
        />
      </Field>
      <Field label='选项' error={errors.options} hint={judge ? undefined : '2–6 个选项，每个最多 200 个字。'}>
        {values.options.map((text, index) => {
          const key = OPTION_KEYS[index]
          return (
            <View key={key}>
              <View className='xa-option'>
                <Text className='xa-option__key'>{key}</Text>
                {judge ? (
                  <Text className='xa-option__fixed'>{text}</Text>
                ) : (
                  <Input
                    className='zs-input zs-grow'
                    value={text}
                    maxlength={200}
                    placeholder={`选项 ${key} 的内容`}
                    {...fieldLabel(`选项 ${key}`)}
                    onInput={(e) => setOption(index, e.detail.value)}
                  />
                )}
                {!judge && values.options.length > 2 ? (
                  <AppButton small variant='danger' label={`删除选项 ${key}`} onTap={() => setValues((v) => withoutOption(v, index))}>
                    删除
                  </AppButton>
                ) : null}
              </View>
              <FieldError error={errors[`options.${index}`] ? `选项 ${key}：${errors[`options.${index}`]}` : undefined} />
            </View>
          )
        })}
        {!judge && values.options.length < OPTION_KEYS.length ? (
          <AppButton variant='secondary' block onTap={() => patch({ options: [...values.options, ''] })}>
            添加选项
          </AppButton>
        ) : null}
      </Field>
      <Field label='正确答案' error={errors.answer} hint={values.kind === 'multiple' ? '多选题：点选两个或更多正确选项。' : '点选一个正确选项。'}>
        <View className='zs-chips' role='group' aria-label='正确答案'>
          {values.options.map((_, index) => {
            const key = OPTION_KEYS[index]
            const on = values.answer.includes(key)
            return (
              <View
                key={key}
                className={`xa-key${on ? ' xa-key--on' : ''}`}
                {...tappable('checkbox', () => setValues((v) => withAnswerToggled(v, key)))}
                aria-checked={on}
              >
                <Text className='zs-visually-hidden'>正确答案 </Text>
                {key}
              </View>
            )
          })}
        </View>
      </Field>
      <Field label='解析' optional error={errors.explanation} hint={`${Array.from(values.explanation).length}/500 字，交卷或考试结束后给书记看。`}>
        <Textarea
          className='zs-textarea xa-textarea'
          value={values.explanation}
          maxlength={500}
          placeholder='为什么是这个答案，依据哪条政策或法规'
          {...fieldLabel('解析')}
          onInput={(e) => patch({ explanation: e.detail.value })}
        />
      </Field>
      <Field label='难度' error={errors.difficulty}>
        <Chips label='难度' options={DIFFICULTY_OPTIONS} value={String(values.difficulty) as '1' | '2' | '3'} onChange={(d) => patch({ difficulty: Number(d) })} />
      </Field>
      <View className='xa-actions'>
        <AppButton block loading={busy === 'save'} disabled={busy === 'delete'} onTap={() => void save()}>
          {question ? '保存修改' : '添加题目'}
        </AppButton>
      </View>
      {question ? (
        <View className='xa-actions'>
          <AppButton block variant='danger' loading={busy === 'delete'} disabled={busy === 'save'} onTap={() => void remove()}>
            删除
          </AppButton>
        </View>
      ) : null}
    </View>
  )
}
