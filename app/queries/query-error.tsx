import { ApiRequestError } from '../api/client';
import { errorTitle } from './api-errors';

const READ_ONLY_NOTE =
  'Threadline runs every query in a read transaction: writes, schema and admin commands, LOAD CSV and procedures outside a short allow-list are refused before Neo4j runs anything.';

/** An API error where it happened: the headline, Neo4j's own message (with its pointer), and what to do. */
export function QueryError({ error, action }: { error: Error | null; action: string }) {
  if (!error) return null;
  const status = error instanceof ApiRequestError ? error.status : null;
  return (
    <div className="queries-error" role="alert">
      <p className="queries-error-title">{errorTitle(error, action)}</p>
      <pre className="queries-error-message">{error.message}</pre>
      {status === 403 && <p className="queries-error-note">{READ_ONLY_NOTE}</p>}
    </div>
  );
}
