import path from 'node:path'
import { ESLint } from 'eslint'
import config from '../../eslint.config.mjs'

const repoRoot = path.resolve(__dirname, '../..')
// The project's own config, passed as objects: Jest's VM cannot run the import() ESLint uses to load it.
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config })

// Messages of the `layers/imports` rule for `code` linted as if it lived at `file` (repo-relative).
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) })
  return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message)
}

describe('layers/imports', () => {
  it('should report a feature importing another feature', async () => {
    const errors = await layerErrors('src/features/events/lib/x.ts', "export { a } from '@/features/auth/x'\n")
    expect(errors).toEqual([expect.stringContaining('may not import feature "auth"')])
  })

  it('should let a feature import shared code, the endpoint modules, the contract and its own files', async () => {
    const code = "export { a } from '@/shared/lib/x'\nexport { b } from '@/api/events'\nexport { c } from '@/api/contract/event'\nexport { d } from '../lib/y'\n"
    expect(await layerErrors('src/features/events/lib/x.ts', code)).toEqual([])
  })

  it('should report a feature calling the client itself instead of an endpoint module', async () => {
    const code = "import { apiClient } from '@/api/client'\nimport { uploadFile } from '../../../api/upload-file'\n"
    expect(await layerErrors('src/features/events/lib/x.ts', code)).toEqual([
      expect.stringContaining('through the endpoint modules'),
      expect.stringContaining('through the endpoint modules'),
    ])
  })

  it('should report endpoints written inside a feature', async () => {
    const errors = await layerErrors('src/features/events/api/get-event.ts', "import { eventSchema } from '@/api/contract/event'\n")
    expect(errors).toEqual([expect.stringContaining('Endpoints live in src/api/<resource>.ts')])
  })

  it('should report a feature importing a page', async () => {
    expect(await layerErrors('src/features/events/x.ts', "export { a } from '../../pages/home/index'\n")).toHaveLength(1)
  })

  it('should keep src/app between the features and the pages', async () => {
    expect(await layerErrors('src/app/x.tsx', "import '@/stores/settings-store'\nimport '@/shared/ui/tag'\nimport './platform/y'\n")).toEqual([])
    expect(await layerErrors('src/app/x.tsx', "import '@/features/events/x'\nimport '@/pages/home/index'\n")).toHaveLength(2)
    expect(await layerErrors('src/features/events/x.tsx', "import '@/app/page'\n")).toEqual([expect.stringContaining('may not import src/app')])
    expect(await layerErrors('src/pages/home/index.tsx', "import '@/app/page'\n")).toEqual([])
  })

  it('should report src/ importing mock/', async () => {
    expect(await layerErrors('src/features/events/lib/x.ts', "export { db } from '../../../../mock/db'\n")).toEqual([
      expect.stringContaining('src/ never imports mock/'),
    ])
  })

  it('should let mock/ import the contract and nothing else of src/', async () => {
    expect(await layerErrors('mock/routes/x.ts', "export { a } from '../../src/api/contract/event'\n")).toEqual([])
    expect(await layerErrors('mock/x.ts', "export { a } from '../src/features/x'\n")).toHaveLength(1)
  })

  it('should keep src/shared free of stores, api, features, the app shell and pages', async () => {
    const code = "import '@/stores/session-store'\nimport '@/api/client'\nimport '@/features/auth/x'\nimport '@/app/page'\nimport '@/pages/home/index'\nimport 'dayjs'\n"
    expect(await layerErrors('src/shared/lib/x.ts', code)).toHaveLength(5)
  })

  it('should let src/stores import only src/shared, the contract and packages', async () => {
    const allowed = "import 'zustand'\nimport '@/shared/lib/storage'\nimport '@/api/contract/auth'\n"
    expect(await layerErrors('src/stores/x.ts', allowed)).toEqual([])
    expect(await layerErrors('src/stores/x.ts', "import '@/api/client'\n")).toHaveLength(1)
  })

  it('should keep the contract free of the rest of src/', async () => {
    expect(await layerErrors('src/api/contract/x.ts', "import 'zod'\nimport './common'\n")).toEqual([])
    expect(await layerErrors('src/api/contract/x.ts', "import '@/shared/lib/dates'\nimport '../client'\n")).toHaveLength(2)
  })

  it('should report src/api importing features or pages, also through require() and import()', async () => {
    const code = "import '@/features/auth/x'\nrequire('../pages/home')\nvoid import('@/features/events/y')\n"
    expect(await layerErrors('src/api/client.ts', code)).toHaveLength(3)
  })
})
