import type { ApiError } from '../../shared/contract';
import { ApiRequestError } from '../api/client';

type Detail = ApiError['error']['details'][number];

/**
 * The server's error details by the form field they name: `body.title` → `title`, `body.subject.new.name` →
 * `subject`, `body.date.text` → `date`. Details that name no field of the form are returned under `''`.
 */
export function errorsByField(details: readonly Detail[], fields: readonly string[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const detail of details) {
    const path = detail.where.split('.');
    const name = path[0] === 'body' || path[0] === 'query' || path[0] === 'params' ? path[1] : path[0];
    const key = name && fields.includes(name) ? name : '';
    const message = key ? detail.message : `${detail.where}: ${detail.message}`;
    byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
  }
  return byField;
}

/** A failed request's errors by field, and the message to show above the buttons when some name no field (or none is named). */
export function formErrors(error: Error | null, fields: readonly string[]): { errors: Record<string, string>; general: string | null } {
  const errors = error instanceof ApiRequestError ? errorsByField(error.details, fields) : {};
  const general = error && (!(error instanceof ApiRequestError) || error.details.length === 0 || errors['']) ? (errors[''] ?? error.message) : null;
  return { errors, general };
}
