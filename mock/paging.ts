/** Cuts one page out of a list: `{items, total, page, pageSize}`. */
export function paginate<T, V>(all: T[], page: number, pageSize: number, view: (item: T) => V) {
  const start = (page - 1) * pageSize
  return { items: all.slice(start, start + pageSize).map(view), total: all.length, page, pageSize }
}
