import { uploadFile } from '@/api/client'

/** Uploads one photo (POST /uploads) with progress 0–100; resolves with its served URL. */
export async function uploadPhoto(filePath: string, onProgress: (percent: number) => void): Promise<string> {
  const { url } = await uploadFile(filePath, onProgress)
  return url
}
