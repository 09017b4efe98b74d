/** Thrown out of a preview's transaction so that it rolls back, carrying what the import would have done. */
export class PreviewDone extends Error {
  constructor(readonly summary: unknown) {
    super('preview: rolled back');
  }
}
