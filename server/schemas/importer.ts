import { z } from 'zod';

/** Uploads travel as base64 inside JSON; 20 MB of file is about 27 MB of base64. */
export const MAX_UPLOAD_BASE64_CHARS = 28_000_000;

export const importKindInput = z.enum(['regions', 'fund_records', 'institutions', 'institution_years', 'violations']);

export const importUploadInput = z.object({
  kind: importKindInput,
  unit: z.enum(['yuan', 'wan', 'yi']),
  fileName: z.string().min(1).max(255).regex(/\.(csv|xlsx|txt)$/i, 'file must be .csv or .xlsx'),
  contentBase64: z.string().min(1).max(MAX_UPLOAD_BASE64_CHARS),
  vintage: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional(),
});
