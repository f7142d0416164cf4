/** H5 has no text-input dialog: the page shows a small inline form for the reason instead. */
export const askReason: ((title: string, placeholder: string) => Promise<string | null>) | null = null
