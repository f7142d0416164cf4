import fs from 'node:fs'
import path from 'node:path'

type StatsModule = { id?: string | number | null; name?: string; size?: number }
type Compiler = {
  hooks: { done: { tap(name: string, fn: (stats: { toJson(options: object): { modules?: StatsModule[] } }) => void): void } }
}

/**
 * Writes `dist/stats/<platform>.json`: each bundled module's id and name, so that
 * config/scripts/size.ts can say which modules make a package big (ids are all the minified code keeps).
 * `cachedModules`: with the persistent build cache, `all: false` would leave out every module restored from it.
 */
export class ModuleStatsPlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('ModuleStatsPlugin', (stats) => {
      const { modules = [] } = stats.toJson({ all: false, modules: true, cachedModules: true, ids: true, modulesSpace: Infinity, nestedModules: false })
      const names: Record<string, string> = {}
      for (const m of modules) if (m.id !== null && m.id !== undefined && m.name) names[String(m.id)] = m.name
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
      fs.writeFileSync(this.file, JSON.stringify(names))
    })
  }
}
