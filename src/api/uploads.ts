import { uploadFile } from './upload-file'

// Photos (mock/routes/uploads.ts): POST /uploads.

/** Uploads one photo (POST /uploads) with progress 0–100; resolves with its served URL. */
export async function uploadPhoto(filePath: string, onProgress: (percent: number) => void): Promise<string> {
  const { url } = await uploadFile(filePath, onProgress)
  return url
}
