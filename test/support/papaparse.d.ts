// The part of papaparse the CSV tests use (the package ships no types and @types/papaparse is not installed).
declare module 'papaparse' {
  type ParseResult = { data: string[][]; errors: { message: string; row?: number }[] }
  const Papa: { parse(input: string, config?: { skipEmptyLines?: boolean }): ParseResult }
  export default Papa
}
