// The shape of the figures the bench and size scripts measure, shared by every part and `npm run bench`.

/** One measured figure against its budget: enforced (CI fails when `ok` is false) or a target printed only. */
export type Figure = { figure: string; value: string; budget: string; ok: boolean; enforced: boolean }

/** What a script hands to `npm run bench` with `--json FILE`: a title and its figures. */
export type FigureSection = { title: string; figures: Figure[] }
