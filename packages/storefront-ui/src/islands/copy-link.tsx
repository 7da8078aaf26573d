import { useRef, useState } from 'preact/hooks';

/** Props of the copy-link island. */
export interface CopyLinkProps {
  id: string;
  label: string;
  url: string;
}

/** A read-only link field with a Copy button (shown only with JavaScript); falls back to selecting the text. */
export function CopyLink({ id, label, url }: CopyLinkProps) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const selectText = () => {
    input.current?.focus();
    input.current?.select();
    setStatus('Press Ctrl+C (or long-press) to copy');
  };
  const copy = () => {
    if (!navigator.clipboard) return selectText();
    navigator.clipboard.writeText(url).then(() => setStatus('Copied!'), selectText);
  };
  return (
    <div class="copy-link">
      <label for={id}>{label}</label>
      <div class="copy-link-row">
        <input id={id} ref={input} type="url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" class="btn btn-secondary js-only" onClick={copy}>
          Copy
        </button>
      </div>
      <p class="copy-status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
