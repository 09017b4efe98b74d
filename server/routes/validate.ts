import type { z } from 'zod';
import { AppError } from '../errors.js';

/** Parses one part of a request with its zod schema, or throws a 400 naming each bad field. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body' | 'params'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw AppError.fromZod(result.error, where);
  return result.data;
}
