import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  neo4j: z.object({
    connected: z.boolean(),
    version: z.string().optional(),
    database: z.string().optional(),
    error: z.string().optional(),
  }),
});
export type Health = z.infer<typeof HealthSchema>;
