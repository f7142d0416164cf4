import { z } from 'zod/mini'

// The four modules of the 任职资格测试 (API.md v1.1), on their own so that Event.topics can name them
// without bringing the exam contract into the main package.

export const EXAM_MODULES = ['政策理论', '法律法规', '乡村振兴', '村务实务'] as const
export const examModuleSchema = z.enum(EXAM_MODULES, { error: `模块应为 ${EXAM_MODULES.join('、')} 之一` })
export type ExamModule = z.infer<typeof examModuleSchema>
