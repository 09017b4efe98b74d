/** "N possible duplicates — Review" after an import that brought some; Review shows up when a panel can take them. */
export function PossibleDuplicates({ count, onReview }: { count: number | undefined; onReview?: () => void }) {
  if (!count) return null;
  return (
    <p className="import-duplicates">
      {count} possible duplicate{count === 1 ? '' : 's'}
      {onReview && (
        <>
          {' — '}
          <button type="button" className="link" onClick={onReview}>
            Review
          </button>
        </>
      )}
    </p>
  );
}
