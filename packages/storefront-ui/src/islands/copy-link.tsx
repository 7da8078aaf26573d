import { useRef, useState } from 'preact/hooks';

/** Props of the copy-link island. */
export interface CopyLinkProps {
  id: string;
  label: string;
  /** The text to copy: a link, or a secret such as a new API token. */
  url: string;
  /** The input's type: 'url' (default) for links, 'text' for anything else. */
  type?: 'url' | 'text';
}

/** A read-only link field with a Copy button (shown only with JavaScript); falls back to selecting the text. */
export function CopyLink({ id, label, url, type = 'url' }: CopyLinkProps) {
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
        {/* Preact types <input> as a union keyed on `type`; url and text take the same attributes. */}
        <input id={id} ref={input} type={type as 'url'} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
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
