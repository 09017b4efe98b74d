/** The shape of an evidence row in an import file (JSON, GraphML `quotes`); its meaning is checked in validate.ts. */
import { z } from 'zod';

export const EvidenceRowSchema = z.strictObject({
  id: z.string(),
  quote: z.string(),
  start: z.number(),
  end: z.number(),
  attribution: z.string(),
  confidence: z.string(),
  sourceId: z.string(),
  claims: z.array(z.string()).default([]),
  sourceVersion: z.number().int().positive().optional(),
});
