import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toApiError } from '@/api/api-error'
import { IMPORT_HEADER } from '@/api/contract/exam'
import { importQuestions } from '@/api/exams'
import { sendKeyed } from '@/api/kit/keyed-mutation'
import { AppButton } from '@/shared/ui/app-button'
import { pickCsvText } from '../platform/pick-csv'

const IMPORT_HEADER_LINE = IMPORT_HEADER.join(',')
export const IMPORT_EXAMPLE = '政策理论,单选,村党组织书记任期几年？,3 年,4 年,5 年,6 年,,,C,村"两委"任期为 5 年,1'

type Outcome = { kind: 'done'; created: number } | { kind: 'lines'; message: string; lines: { line: number; message: string }[] } | { kind: 'error'; message: string }

/**
 * 导入 CSV: the header row expected and an example, a file chooser (H5 file input, weapp chat file),
 * then 已导入 N 道题, or each wrong line (nothing was imported: all or nothing).
 */
export function QuestionImport({ onImported }: { onImported: () => void }) {
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | null>(null)

  const run = async () => {
    if (busy) return
    setOutcome(null)
    let csv: string | null
    try {
      csv = await pickCsvText()
    } catch (failure) {
      setOutcome({ kind: 'error', message: failure instanceof Error ? failure.message : '读取文件失败，请换一个文件再试。' })
      return
    }
    if (csv === null) return
    if (!csv.trim()) {
      setOutcome({ kind: 'error', message: '文件是空的，请按下面的格式填写后再导入。' })
      return
    }
    setBusy(true)
    try {
      const answer = await sendKeyed('questions:import', csv, (key) => importQuestions(csv as string, key))
      setOutcome({ kind: 'done', created: answer.created })
      onImported()
    } catch (failure) {
      const error = toApiError(failure)
      setOutcome(error.lineErrors.length ? { kind: 'lines', message: error.message, lines: error.lineErrors } : { kind: 'error', message: error.message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='zs-card'>
      <Text className='xa-section-title'>导入 CSV</Text>
      <Text className='zs-muted'>第一行是表头，每道题一行（UTF-8 编码）；有一行不对就整份都不导入。</Text>
      <Text className='zs-hint'>表头：</Text>
      <Text className='xa-code'>{IMPORT_HEADER_LINE}</Text>
      <Text className='zs-hint'>示例（题型填 单选/多选/判断，答案填选项字母如 A 或 ACD，难度 1–3）：</Text>
      <Text className='xa-code'>{IMPORT_EXAMPLE}</Text>
      <AppButton variant='secondary' block loading={busy} onTap={() => void run()}>
        选择 CSV 文件导入
      </AppButton>
      {outcome?.kind === 'done' ? (
        <View className='xa-ok' role='status'>
          已导入 {outcome.created} 道题
        </View>
      ) : null}
      {outcome?.kind === 'error' ? (
        <View className='xa-banner' role='alert'>
          {outcome.message}
        </View>
      ) : null}
      {outcome?.kind === 'lines' ? (
        <View className='xa-banner' role='alert'>
          <Text>{outcome.message}</Text>
          <View className='xa-line-errors' role='list' aria-label='有问题的行'>
            {outcome.lines.map((l) => (
              <View key={`${l.line}-${l.message}`} role='listitem'>
                第 {l.line} 行：{l.message}
              </View>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  )
}
