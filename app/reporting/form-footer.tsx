import type { ReactNode } from 'react';

interface Props {
  /** The primary button's label, and what it says while the write is pending. */
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** Why the primary button may not be pressed yet, besides a pending write. */
  disabled?: boolean;
  /** What went wrong, shown above the buttons. */
  error?: ReactNode;
  /** Without it the primary button submits the enclosing form. */
  onConfirm?: () => void;
  onCancel: () => void;
}

/** The end of every reporting form: what went wrong, then the primary action and Cancel. */
export function FormFooter({ label, pendingLabel, pending, disabled, error, onConfirm, onCancel }: Props) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="queries-row">
        <button type={onConfirm ? 'button' : 'submit'} className="queries-primary" disabled={pending || disabled} onClick={onConfirm}>
          {pending ? pendingLabel : label}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
