import { z } from 'zod';

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ where: z.string(), message: z.string() })),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
