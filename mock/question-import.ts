import Papa from 'papaparse'
import { EXAM_MODULES, IMPORT_HEADER, questionBodySchema, questionRuleErrors, type QuestionBody, type QuestionKind } from '../src/api/contract/exam'

// POST /questions/import (API.md v1.1): a CSV of questions, read line by line into question bodies
// or per-line errors. The caller creates nothing unless every line is right (all or nothing).

/** At most this many questions per file (the 1 MB body limit holds about 2,000 long ones). */
export const IMPORT_MAX_ROWS = 1000

const KINDS: Record<string, QuestionKind> = { 单选: 'single', 多选: 'multiple', 判断: 'judge', single: 'single', multiple: 'multiple', judge: 'judge' }
const KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

export type ImportLineError = { line: number; message: string }
export type ImportResult = { questions: { line: number; body: QuestionBody }[]; errors: ImportLineError[] }

/** The first message of a zod issue list, prefixed with the field's Chinese column name. */
const COLUMN_OF: Record<string, string> = { module: '模块', kind: '题型', stem: '题干', options: '选项', answer: '答案', explanation: '解析', difficulty: '难度' }

/** One data row → a question body, or the reason it is wrong. */
function readRow(cells: string[]): { body: QuestionBody } | { message: string } {
  if (cells.length !== IMPORT_HEADER.length) return { message: `应有 ${IMPORT_HEADER.length} 列，这一行有 ${cells.length} 列` }
  const [moduleCell, kindCell, stem, a, b, c, d, e, f, answerCell, explanation, difficultyCell] = cells.map((x) => x.trim())
  if (!(EXAM_MODULES as readonly string[]).includes(moduleCell)) return { message: `模块应为 ${EXAM_MODULES.join('、')} 之一（现在是“${moduleCell}”）` }
  const kind = KINDS[kindCell]
  if (!kind) return { message: `题型应为 单选、多选 或 判断（现在是“${kindCell}”）` }
  let texts = [a, b, c, d, e, f]
  // A judge question may leave A and B empty: they are always 正确 / 错误.
  if (kind === 'judge' && texts.every((t) => t === '')) texts = ['正确', '错误', '', '', '', '']
  const last = texts.reduce((at, t, i) => (t !== '' ? i : at), -1)
  const gap = texts.slice(0, last + 1).findIndex((t) => t === '')
  if (gap !== -1) return { message: `选项 ${KEYS[gap]} 是空的：选项应从 A 起连续填写` }
  const options = texts.slice(0, last + 1).map((text, i) => ({ key: KEYS[i], text }))
  const answer = answerCell.toUpperCase().replace(/[\s,，、]/g, '').split('')
  if (answer.length === 0) return { message: '答案是空的：填选项字母，如 A 或 ACD' }
  if (answer.some((k) => !(KEYS as readonly string[]).includes(k))) return { message: `答案应为选项字母 A–F（现在是“${answerCell}”）` }
  if (!/^[1-3]$/.test(difficultyCell)) return { message: `难度应为 1、2 或 3（现在是“${difficultyCell}”）` }
  const candidate = { module: moduleCell, kind, stem, options, answer, difficulty: Number(difficultyCell), ...(explanation ? { explanation } : {}) }
  const parsed = questionBodySchema.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const column = COLUMN_OF[String(issue.path[0])] ?? String(issue.path[0])
    const option = issue.path[0] === 'options' && typeof issue.path[1] === 'number' ? ` ${KEYS[issue.path[1]]}` : ''
    return { message: `${column}${option}：${issue.message}` }
  }
  const rules = questionRuleErrors(parsed.data)
  const first = Object.entries(rules)[0]
  if (first) return { message: `${COLUMN_OF[first[0]] ?? first[0]}：${first[1]}` }
  return { body: parsed.data }
}

/**
 * Reads an import file (already UTF-8 text without BOM). Line numbers are the file's own (line 1 =
 * the header; a quoted cell with line breaks spans several). Empty lines are skipped. Stems that
 * repeat one in the bank (`existingStems`) or an earlier line are errors.
 */
export function readQuestionCsv(text: string, existingStems: ReadonlySet<string>): ImportResult {
  const rows: { line: number; cells: string[] }[] = []
  const errors: ImportLineError[] = []
  let start = 0
  let counted = 0
  let lineOfCounted = 1
  const newlines = (from: number, to: number) => {
    let n = 0
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10 || (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) !== 10)) n++
    return n
  }
  Papa.parse(text, {
    delimiter: ',',
    step: (result) => {
      const at = lineOfCounted + newlines(counted, start)
      counted = start
      lineOfCounted = at
      start = result.meta.cursor
      const cells = result.data as unknown as string[]
      if (result.errors.length) errors.push({ line: at, message: `CSV 格式有误：${result.errors[0].message.startsWith('Quoted field') ? '引号没有成对' : result.errors[0].message}` })
      else if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: at, cells })
    },
  })
  const [header, ...data] = rows
  if (!header || header.line !== 1 || header.cells.map((c) => c.trim()).join(',') !== IMPORT_HEADER.join(',')) {
    return { questions: [], errors: [{ line: 1, message: `第一行应为表头：${IMPORT_HEADER.join(',')}` }, ...errors] }
  }
  if (data.length === 0 && errors.length === 0) return { questions: [], errors: [{ line: 2, message: '文件里没有题目' }] }
  if (data.length > IMPORT_MAX_ROWS) return { questions: [], errors: [{ line: data[IMPORT_MAX_ROWS].line, message: `一次最多导入 ${IMPORT_MAX_ROWS} 道题，请分成几个文件` }] }
  const questions: ImportResult['questions'] = []
  const seen = new Map<string, number>()
  for (const row of data) {
    const read = readRow(row.cells)
    if ('message' in read) {
      errors.push({ line: row.line, message: read.message })
      continue
    }
    const earlier = seen.get(read.body.stem)
    if (existingStems.has(read.body.stem)) errors.push({ line: row.line, message: '题库里已有题干相同的题' })
    else if (earlier !== undefined) errors.push({ line: row.line, message: `与第 ${earlier} 行的题干相同` })
    else {
      seen.set(read.body.stem, row.line)
      questions.push({ line: row.line, body: read.body })
    }
  }
  errors.sort((x, y) => x.line - y.line)
  return { questions, errors }
}
