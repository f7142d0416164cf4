// The part of papaparse that the mock's CSV import and the CSV tests use (the package ships no types,
// and @types/papaparse is not installed).
declare module 'papaparse' {
  type ParseResult = { data: string[][]; errors: { message: string; row?: number }[]; meta: { cursor: number } }
  type Parser = { abort(): void }
  const Papa: {
    parse(input: string, config?: { skipEmptyLines?: boolean; delimiter?: string; step?: (row: ParseResult, parser: Parser) => void }): ParseResult
  }
  export default Papa
}
