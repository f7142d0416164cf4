import { z } from 'zod/mini'

/** The largest upload the server takes (API.md: 5 MB). */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024

/** Photos per progress report (API.md: up to 9). */
export const PHOTOS_MAX = 9

/**
 * A URL the server handed out from `POST /uploads`: absolute, under `/uploads/`, an unguessable
 * name with the type's extension. Photo fields accept only these.
 */
export const uploadUrlSchema = z
  .string({ error: '照片地址应为文字' })
  .check(
    z.maxLength(300, { error: '照片地址过长' }),
    z.regex(/^https?:\/\/[^/\s?#]+\/uploads\/[A-Za-z0-9_-]{16,64}\.(jpg|png|webp)$/, { error: '照片须先上传到本系统' }),
  )

/** Answer of `POST /uploads` (201). */
export const uploadResultSchema = z.object({ url: uploadUrlSchema })
export type UploadResult = z.infer<typeof uploadResultSchema>
