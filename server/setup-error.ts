/**
 * A problem the person starting Threadline can fix (missing Java, a taken port, wrong credentials).
 * The start command prints its message, without a stack trace, and exits non-zero.
 */
export class SetupError extends Error {
  override name = 'SetupError';
}
