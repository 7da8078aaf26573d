import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Props of the 'confirm-stop' island: one "Reject" / "Cancel" / "Return" button and its question, already in the page's language. */
export interface ConfirmStopProps {
  /** Unique on the page: the dialog's ids start with it. */
  id: string;
  /** The id of the status form the button sits in; the dialog's fields and buttons belong to it. */
  form: string;
  status: 'rejected' | 'cancelled' | 'returned';
  /** The button's text ("Reject") and, for screen readers, what it acts on (" order #12"). */
  button: string;
  buttonDetail?: string;
  buttonClass: string;
  /** The dialog's question ("Reject order #12?"), the reason field and the two answers. */
  title: string;
  reasonLabel: string;
  reasonHint: string;
  confirm: string;
  keep: string;
  maxLength: number;
}

/** The question itself: a modal <dialog> whose fields post with the order's status form (the `form` attribute). */
function StopDialog({ p, open, onClose }: { p: ConfirmStopProps; open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const reason = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      reason.current?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  const ids = { title: `${p.id}-title`, reason: `${p.id}-reason`, hint: `${p.id}-reason-hint` };
  return (
    <dialog ref={dialog} class="confirm-dialog" aria-labelledby={ids.title} onClose={onClose}>
      <h2 id={ids.title}>{p.title}</h2>
      <div class="field">
        <label for={ids.reason}>{p.reasonLabel}</label>
        <p class="hint" id={ids.hint}>
          {p.reasonHint}
        </p>
        <textarea ref={reason} id={ids.reason} form={p.form} name="reason" rows={2} maxLength={p.maxLength} aria-describedby={ids.hint} disabled={!open} />
      </div>
      <input type="hidden" form={p.form} name="confirmed" value="1" disabled={!open} />
      <div class="confirm-actions">
        <button type="submit" form={p.form} name="status" value={p.status} class="btn btn-danger" disabled={!open}>
          {p.confirm}
        </button>
        <button type="button" class="btn btn-secondary" onClick={onClose}>
          {p.keep}
        </button>
      </div>
    </dialog>
  );
}

/**
 * A move that stops an order, asked about first. The server renders a plain submit button inside
 * the order's form: without JavaScript its post comes back as a confirm page (reason field
 * included). Hydrated, the same button opens a <dialog> instead, kept at the end of the body (so
 * the form's own buttons stay what they were) and tied to the form by its id; the reason and the
 * `confirmed` flag are enabled only while it is open, so the form's other buttons never send them.
 */
export function ConfirmStop(p: ConfirmStopProps) {
  const [open, setOpen] = useState(false);
  const host = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    const div = document.createElement('div');
    document.body.appendChild(div);
    host.current = div;
    return () => {
      render(null, div);
      div.remove();
      host.current = null;
    };
  }, []);
  useEffect(() => {
    if (host.current) render(<StopDialog p={p} open={open} onClose={() => setOpen(false)} />, host.current);
  });
  const ask = (e: Event) => {
    if (!host.current) return;
    e.preventDefault();
    setOpen(true);
  };
  return (
    <button type="submit" name="status" value={p.status} class={p.buttonClass} onClick={ask}>
      {p.button}
      {p.buttonDetail && <span class="sr-only">{p.buttonDetail}</span>}
    </button>
  );
}
